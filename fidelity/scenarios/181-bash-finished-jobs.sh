# A non-interactive bash forgets a finished background job once a foreground child ends: wait -n, jobs and %N no longer see it, wait PID still has its status
false & sleep 0.2; wait -n; echo rc=$?
false & sleep 0.2; jobs; wait -n; echo rc=$?
false & p=$!; sleep 0.2; wait $p; echo rc=$?
false & sleep 0.2; wait %1; echo rc=$?
false & sleep 0.2; true; wait -n; echo rc=$?
sleep 0.1 & sleep 0.3; wait -n; echo rc=$?
(exit 4) & sleep 0.2 | cat; wait -n; echo rc=$?
(exit 4) & (sleep 0.2); wait -n; echo rc=$?
false & x=$(sleep 0.2); wait -n; echo rc=$?
false & sleep 0.2 & wait -n; echo rc=$?
false & sleep 0.2; false & wait -n; echo rc=$?
(exit 3) & sleep 0.2; wait; echo rc=$?; wait $! 2>/dev/null; echo rc=$?
sleep 0.3 & sleep 0.1; jobs; wait -n; echo rc=$?
