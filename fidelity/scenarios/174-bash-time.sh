# bash's time keyword: TIMEFORMAT, time -p, elapsed time of a pipeline (virtual clock), and an empty TIMEFORMAT
TIMEFORMAT='%0R'; time sleep 1
TIMEFORMAT='%0lR|%0U|%0S'; time sleep 2 | cat
{ time -p sleep 1; } 2>&1 | cut -c1-8
TIMEFORMAT=; time sleep 1; echo rc=$?
TIMEFORMAT='%0R'; time false; echo rc=$?
TIMEFORMAT='%0R'; ! time false; echo rc=$?
TIMEFORMAT='%0R'; time ! false; echo rc=$?
TIMEFORMAT='%0R'; time { sleep 1; } 2>/dev/null
TIMEFORMAT='%0R'; time
f() { time -p sleep 0; }; type f
