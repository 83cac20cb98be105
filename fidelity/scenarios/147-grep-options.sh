# grep: patterns from a file (-f), files without a match (-L), --color on a pipe, and option errors
printf 'localhost\nip6-\n' > /tmp/pats; grep -f /tmp/pats /etc/hosts
: > /tmp/empty; grep -f /tmp/empty /etc/hosts; echo $?
grep -f /nope /etc/hosts
grep -c -f /tmp/pats -e host /etc/hosts
grep -L localhost /etc/hosts /etc/hostname; echo $?
grep -L nothing-here /etc/hosts; echo $?
grep -L localhost /etc/hosts; echo $?
grep --color=never local /etc/hosts
grep --color local /etc/hosts | head -1
grep -G 'ip6-a.*' /etc/hosts
grep --silent host /etc/hosts; echo $?
grep --lines x /etc/hosts
grep -Z x /etc/hosts
grep --max-count=1 ip6 /etc/hosts
grep -Z -l local /etc/hosts /etc/hostname | tr "\0" "|"
grep -Zc host /etc/hosts /etc/hostname | tr "\0" "|"
