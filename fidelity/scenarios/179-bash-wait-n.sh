# wait: -n with no children (127), the next job to finish and its status, ids that are no job, -p, bad options
wait -n; echo rc=$?
wait; echo rc=$?
wait -n -p v; echo rc=$? v=[$v]
sleep 0.1 & wait -n; echo rc=$?; wait -n; echo rc=$?
(exit 3) & wait -n; echo rc=$?; wait -n; echo rc=$?
(sleep 0.2; exit 2) & (exit 5) & wait -n; echo rc=$?; wait -n; echo rc=$?; wait -n; echo rc=$?
(sleep 0.2; exit 2) & p=$!; (exit 5) & wait -n $p; echo rc=$?; wait; echo rc=$?
(exit 3) & wait -n; wait $!; echo rc=$?
(exit 6) & wait -n -p v; echo rc=$? ${v:+set}
false & wait -f -n; echo rc=$?
wait -n 99999; echo rc=$?
wait -n %1; echo rc=$?
wait 99999; echo rc=$?
wait -x; echo rc=$?
wait -p; echo rc=$?
v=x; wait -p v; echo "[${v-unset}]"
sleep 0.1 & wait -p v %1; [ "$v" = "$!" ] && echo same
wait -np v; echo $? "[${v-unset}]"
sleep 0.1 & wait -p v %1 99999 2>/dev/null; echo rc=$? "[${v-unset}]"
(exit 3) & wait; wait $! 2>/dev/null; echo rc=$?
(exit 3) & wait -n; wait; wait $! 2>/dev/null; echo rc=$?
wait -n -- ; echo rc=$?
sh -c 'wait -n; echo rc=$?'
sh -c 'wait -- 99999; echo rc=$?; wait %1; echo rc=$?; wait x; echo rc=$?'
sh -c 'false & wait $!; echo rc=$?; wait; echo rc=$?'
