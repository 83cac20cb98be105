# curl -H: a header named like one curl writes replaces it (Host), `Name:` removes it (Accept), `Name;` sends it empty, others follow, a line without a colon is ignored
nc -l 8080 > /tmp/req & sleep 1; curl -s -m 1 -H 'Host: a.test' -H 'Accept:' -H 'X-Empty;' -H 'X-A: 1' -H 'nocolon' http://127.0.0.1:8080/x; cat /tmp/req
nc -l 8080 > /tmp/req & sleep 1; curl -s -m 1 -H 'host: lower.test:8080' -H 'User-Agent: probe/1' http://127.0.0.1:8080/; cat /tmp/req
nc -l 8080 > /tmp/req & sleep 1; curl -s -m 1 -H 'Host:' http://127.0.0.1:8080/; cat /tmp/req
