# bash brace expansion: lists, sequences (numbers, letters, steps, zero padding), nesting, quoting, and words left alone
echo {1..5} {5..1} {a..e} {1..10..3} {01..03} {-2..2}
echo x{a,b{1,2},}y {a} {} a{,}b {1..3}{a,b}
echo "{a,b}" \{a,b\} {a,$HOME} {1..a} {1.5} {,} ${HOME}{1,2}
x=1; echo {$x..3}; echo a{b,c
sh -c 'echo {a,b}'
for i in {1..3}; do echo n$i; done
mkdir -p /tmp/b && touch /tmp/b/{one,two}.txt && ls /tmp/b
echo {10..1..4} {z..u..2} {-05..5..5} {1..-1}
v={a,b}; echo $v
echo {a,b}{c,d}{e,f} | wc -w
echo pre{x..z}post
