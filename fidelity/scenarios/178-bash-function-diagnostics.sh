# diagnostics from inside a function of a bash -c string name the source "environment", with the line of the string
f() { nosuch; }; f
f() { g; }; g() { nosuch; }; f; nosuch2
f() { x=${q:?unset}; }; f
f() { cd /nope; }; f; echo rc=$?
readonly z=3; f() { local z=1; }; f; echo rc=$?
f() { ( nosuch ); }; f
f() { echo $(nosuch); }; f
bash -c 'f() { nosuch; }; f'
echo x > ${q:?nofile}; echo after
set -u; echo $nope; echo after
echo ${q:?}; echo after
x=$((1/0)); echo after
for i in ${q:?gone}; do :; done; echo after
echo ${a:?} | cat; echo after $?
