# bash's [[ ]]: no word splitting, patterns after ==, =~ with BASH_REMATCH, arithmetic operands, && || ! ( ), -v
x='a b'; [[ $x == 'a b' ]] && echo eq
[[ abc == a* ]]; echo $?
[[ abc == 'a*' ]]; echo $?
p='a*'; [[ abc == $p ]]; echo $?; [[ abc == "$p" ]]; echo $?
[[ abc != b* ]] && echo ne
[[ -z $nothing && -n x ]] && echo both
[[ -f /etc/hostname || -d /nope ]] && echo either
[[ ! -e /nope ]] && echo missing
[[ ( 1 -eq 2 ) || ( 3 -gt 2 && a < b ) ]] && echo grouped
[[ 1+1 -eq 2 ]] && echo arith
x=5; [[ x -lt 10 ]] && echo lt
[[ 2024-12-03 =~ ^([0-9]+)-([0-9]+) ]] && echo "m=$BASH_REMATCH"
[[ abc =~ z ]]; echo $?
[[ a.c =~ a\.c ]] && echo esc
r='^a.c$'; [[ abc =~ $r ]] && echo var
[[ abc =~ "a.c" ]]; echo $?
y=; [[ -v y ]] && echo set; [[ -v zz ]]; echo $?
[[ $unset ]]; echo $?
[[ -n ]]; echo $?
[[ b > a ]] && echo gt
[[ 08 -eq 8 ]]; echo $?
[[ x -eq 1 ]]; echo $?
[[ a == ]]
[[ a ]] ; [[ ]]
[[ -q a ]]
[[ a b ]]
v=1; [[ $v = 1 ]]; echo $?
[[ -e /etc/passwd -nt /etc/hostname ]]; echo $?
set -x; [[ -n $HOME && abc == a* ]]
y=; [ -v y ] && echo set; test -v nope; echo $?
touch /tmp/a; sleep 1; touch /tmp/b; [ /tmp/b -nt /tmp/a ] && echo newer; [[ /tmp/a -ot /tmp/b ]] && echo older; [ /tmp/a -nt /nope ] && echo vs-missing
[ /tmp/a -ef /tmp/a ] && echo same; [ /tmp/a -ef /tmp/b ]; echo $?
[ -t 0 ]; echo $?; [[ -t 1 ]]; echo $?
set -o nounset; [ -o nounset ] && echo on; [[ -o noglob ]]; echo $?
f() { [[ $1 == -* ]] && echo flag; }; f -x; type f
