# declare, typeset, readonly and export: attributes bash keeps, what declare -p prints, assigning to a readonly variable
x=1; declare -p x
x=1; export y=2; readonly r=3; declare -p x y r
x=1; declare -p x nope; echo rc=$?
declare -p nope
typeset -p nope
declare v; declare -p v
export w; declare -p w
export y=2; declare +x y; declare -p y; env | grep -c '^y='
x=1; declare -x x; declare -p x; env | grep '^x='
declare -r x=1; declare -p x
declare -rx x=1; declare -p x; env | grep '^x='
readonly z=3; z=4; echo after
readonly z=3; z=4 true; echo after rc=$?
readonly z=3; read z <<< 5; echo rc=$?
readonly z=3; unset z; echo rc=$?; echo $z
readonly z=3; unset -v z; echo rc=$?
readonly z=3; for z in 1; do :; done; echo rc=$?
readonly z=3; export z=9; echo rc=$?; declare -p z
readonly z=3; declare z=1; echo rc=$?
readonly z=3; z+=1; echo after
readonly z=3; (( z = 2 )); echo rc=$?
readonly z=3; let z=2; echo rc=$?
readonly z=3; echo ${z:=4}
readonly z=3; readonly z; echo rc=$?
readonly z; declare -p z; z=1; echo after
readonly z=3; readonly -p | grep ' z='
readonly z=3; export z; export -p | grep ' z='
f() { local x=2; echo in=$x; }; x=1; f; echo out=$x
f() { local x; x=5; echo in=$x; }; f; echo out=${x-unset}
local y=1; echo rc=$?
f() { local -x e=1; env | grep '^e='; }; f; env | grep -c '^e='
f() { local u; declare -p u; }; f
f() { local -r k=1; echo $k; }; f; k=2; echo k=$k
f() { :; }; g() { :; }; declare -F
f() { :; }; declare -F f nope; echo rc=$?
declare -F nope; echo rc=$?
declare -Q x
readonly -Q x
sh -c 'readonly z=3; z=4; echo after'
sh -c 'readonly z=3; unset z; echo rc=$?'
sh -c 'readonly z=3; readonly -p | grep z'
sh -c 'export q=1; export -p | grep q'
