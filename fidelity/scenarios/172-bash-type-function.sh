# type and declare -f print a function as bash 5.2 does: one command per line, elif nested, redirections spaced
f() { echo a & echo b; }; type f
f() { echo a & }; declare -f f
f() { ! true; x=1 y=2; echo "q" 'r' >> /tmp/o < /dev/null; }; type f
f() { while read l; do echo $l; done < /tmp/x; }; type f
f() { if true; then :; fi > /dev/null; }; type f
f() { until false; do break; done; }; type f
f() { for i; do :; done; }; type f
f() { (( x++ )); for ((i=0;i<2;i++)); do :; done; }; type f
f() { g() { :; }; }; type f
f() { echo a | { cat; }; }; type f
f() { { echo a; } 2>&1; echo x 1>&2; echo y 2>/dev/null; echo z &> /dev/null; }; type f
f() { if a; then b; elif c; then d; elif e; then :; fi; }; type f
f() { echo ${x:-y} $((1 + 2)) $(( x )) "$(echo "a b")"; }; type f
f() { echo a; }; g() { echo b; }; declare -f
f() { echo a; }; declare -f f nope; echo rc=$?
function f { echo a; }; type f
f() ( echo a; echo b ); type f
f() { ( echo a ); }; type f
f() { if a; b; then c; fi; while x; y; do z; done; }; type f
f() { ((x++)); ((  y = 2  )); }; type f
f() { cat <<< "hi" 3<&0 <&3 4>&- 5<>/tmp/f >|/tmp/g &>>/tmp/h; }; type f
f() { a & b; c; d & }; type f
f() { for i in; do :; done; for j in a "b c" $d; do :; done; }; type f
f() { x=$(ls); y=`id`; echo "${#x}" \$a; }; type f
f() { case x in (a) echo;; esac; case y in *) esac; }; type f
f() { if a; then :; else b; c; fi; }; type f
f() { echo a && { echo b; echo c; } || ( echo d ); }; type f
f() { :; }; command -V f
f() { echo a; }; type f ls
x='a b'; f() { :; }; declare | grep -A4 '^x='
x='a b'; f() { :; }; set | grep -A4 '^x='
f() { :; }; declare -fp f; declare -F -f f

sh -c 'f(){ :; }; type f; command -V f'
sh -c 'x="a b"; f(){ :; }; set | grep -A3 "^x="'
