# dig, host and nslookup: option errors and what they do with options they know
host
host -Z example.com
nslookup -foo x 127.0.0.1
nslookup -nodebug -ty=A x 127.0.0.1
dig +foo x
dig -Q x
