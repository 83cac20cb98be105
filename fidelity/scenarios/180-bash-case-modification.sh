# bash case modification (${x^}, ${x^^}, ${x,}, ${x,,}, with and without a pattern); the builtins and keywords packetlab parses but refuses (getopts, pushd…, select, coproc), as type names them and functions print them; what dash says of them
x=hello; echo ${x^} ${x^^} ${x,,} "${x^^[lo]}" ${x^[h]} ${x^[e]}
y=HELLO; echo ${y,} ${y,,} ${y,,[LO]} ${y,[H]}
z=; echo "[${z^^}]" "[${u^}]" "[${u,,}]"
set -- ab cd; echo ${1^} ${2^^} ${@^} "${*^^}"
w='hello world'; echo ${w^^[ow]} ${w^[!h]} ${w^^?}
m=mixed.Case-9; echo ${m^^} ${m,,} ${m^^[a-c]} ${m,,[A-Z]}
type getopts shopt pushd popd dirs mapfile readarray
sh -c 'type getopts ulimit times'
sh -c 'type export set cd : pushd'
f() { coproc cat; }; g() { select x in 1 2; do :; done; }; type f g
type coproc select
sh -c 'select i in a; do :; done'
sh -c 'coproc cat'
coproc
f() { local x=(a b); export y=(); }; type f
echo a=(1)
