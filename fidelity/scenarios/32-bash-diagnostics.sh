# bash -c diagnostics when stderr is captured: command not found, builtins, redirects, exit codes
nosuchcmd
cd /nope
echo x > /nope/y
exit abc
export -x
unset -x
true; nosuchcmd
kill 99999
/tmp
./nothere
bash -c 'foo'
sh -c 'foo'
./nothere
touch f; ./f
