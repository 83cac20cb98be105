# ps without options lists only the processes of the caller's terminal (script gives a command one); ps -e lists every process; the pty writes CR LF (pts numbers normalised, pids dropped)
script -q -c 'ps; true' /dev/null | tr -d '\r' | sed 's#pts/[0-9]*#pts/N#' | awk '{print $2, $4}'
sleep 20 & script -q -c 'ps -e; true' /dev/null | tr -d '\r' | sed 's#pts/[0-9]*#pts/N#' | awk '$2 != "?" {print $2, $4}'
sleep 20 & script -q -c 'ps -e; true' /dev/null | tr -d '\r' | awk '$4 == "sleep" {print $2, $4}' | head -1
script -q -c 'echo one; echo two' /dev/null | tr '\r' R
script -q -c 'exit 3' /dev/null; echo "exit $?"
script -q -e -c 'exit 3' /dev/null; echo "exit $?"
