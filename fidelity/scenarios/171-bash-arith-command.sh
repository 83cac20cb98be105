# bash's (( )) arithmetic command: status from the value, assignments, errors, xtrace, and dash without it
(( 1/0 )); echo rc=$?
(( 2 > 1 )) && echo yes; (( 0 )); echo rc=$?
x=5; (( x += 2 )); echo $x; (( y = 3, y * 2 )); echo rc=$? y=$y; ((x++)); echo $x
(( 1 +  )); echo rc=$?
set -x; (( 1 + 2 ))
((echo hi) )
sh -c '((echo hi))'
(( a = $(echo 4) )); echo $a; (( 1 )) > /tmp/o; echo rc=$?
n=3; while (( n > 0 )); do echo $n; (( n-- )); done
if (( 7 % 2 )); then echo odd; fi
for ((i=0; i<2; i++)); do echo $i; done
