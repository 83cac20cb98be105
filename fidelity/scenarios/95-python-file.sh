# python3 FILE reads the file system: a missing file (absolute, relative), a directory, an empty and a comment-only script
python3 /tmp/nosuch.py; echo $?
python3 nosuch.py; echo $?
python3 /tmp; echo $?
printf '' > /tmp/empty.py; python3 /tmp/empty.py; echo $?
printf '# nothing to run\n\n' > /tmp/c.py; python3 /tmp/c.py; echo $?
