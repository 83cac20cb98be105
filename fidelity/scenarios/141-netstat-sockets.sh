# netstat with live sockets: -p program column, -W and name truncation, -M/-Z errors, refused statistics
(nc -l 127.0.0.1 8080 >/dev/null &); (nc -u -l 127.0.0.1 5353 >/dev/null &); sleep 0.5; netstat -tulpn | sed -E 's#[0-9]+/nc +$#PID/nc#'
(nc -l 127.0.0.1 8081 >/dev/null &); sleep 0.3; netstat -plnt --numeric-ports | grep -v ':8080 ' | sed -E 's#[0-9]+/nc +$#PID/nc#'
echo '127.0.0.2 averyveryverylonghostname.example.internal' >> /etc/hosts
(nc -l 127.0.0.2 8082 >/dev/null &); sleep 0.3; netstat -tl | grep -v localhost
netstat -tlW | grep -v localhost
netstat -tlnp --wide | grep 8082 | sed -E 's#[0-9]+/nc +$#PID/nc#'
netstat -tlp | grep 8082 | sed -E 's#[0-9]+/nc +$#PID/nc#'
netstat -M
netstat -Z -tln
netstat -N -rn
netstat -tlnv | grep -c LISTEN
netstat -ie
netstat -iv
netstat -A foo -rn
netstat -A
netstat -h
netstat -V
netstat --nu
netstat --numeric-h -rn
