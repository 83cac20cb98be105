# GNU coreutils, grep and friends: error messages, statuses and filters used in the lessons (LC_ALL=C)
cat /nope
ls /var/run/netns
head -n x /etc/hosts
mkdir /tmp; echo $?
rm /tmp
sleep x
grep
timeout 1 nosuch
grep -c local /etc/hosts
printf 'b 2\na 10\nc 1\n' | sort -k2 -n
printf 'a:b:c\n' | cut -d: -f2-
echo hello | tr a-z A-Z
seq -s, 3; seq -w 8 10 | tail -1
wc /etc/hosts; wc -l < /etc/hosts
echo 'foo bar' | grep -o -w 'ba.'; echo 'ab' | grep 'a\|z'; echo 'aab' | grep -E 'a+b'
timeout 1 sleep 5; echo $?
echo a b c | xargs -n 2 echo X
