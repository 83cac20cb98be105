# jq variables: --arg/--argjson names, $ARGS with --args/--jsonargs, $__loc__, $ENV, and undefined variables reported at compile time
jq -n --arg named 1 '$named'
jq -n '$ARGS'
jq -nc --arg a 1 --argjson b '{"x":2}' '$ARGS, $a, $b'
jq -nc --args '$ARGS' x y
jq -nc --jsonargs '$ARGS.positional' 1 '{"x":2}' null
jq -nc '$__loc__'
jq -n '$foo'
jq -n '$a, $b'
jq -n '. as $x | $x, $y'
jq -n 'def f($p): $p + $q; f(1)'
jq -n 'reduce (1,2) as $i (0; . + $i) | {$i}'
jq -n '1 | foo'
jq -n '"\($zz)"'
jq -n '[1,2] | .[] as $v | {$v}' -c
jq -n '$__prog_args'
echo '{"a":1}' | jq --arg k a '.[$k]'
jq -rn --arg s 'two words' '$ENV.HOME, $s'
