# trap: EXIT and ERR actions, listing with -p, resetting, and what $? the EXIT trap sees
trap 'echo it'\''s' ERR; trap 'echo bye' EXIT; trap; trap -p ERR
trap 'echo x' ERR; trap - ERR; trap -p; echo none
trap foo BAR; echo rc=$?
trap 'x' 0; trap -p EXIT; trap -- - EXIT; trap; echo done
trap 'echo $? in-trap' EXIT; exit 3
trap 'echo err $?' ERR; false; echo after; false || true; if false; then :; fi; f() { false; }; f; echo end
trap 'exit 7' EXIT; echo a
trap 'echo outer' EXIT; ( trap 'echo inner' EXIT; echo in ); echo out
set -e; trap 'echo E' ERR; false; echo no
trap 'echo t' exit; trap -p
trap -p FOO; echo rc=$?
trap '' EXIT; trap -p
trap 'echo last' EXIT; ls /nope
x=$(trap 'echo from-sub' EXIT; echo v); echo "[$x]"
trap 'echo bye' EXIT; sh -c 'echo child'
