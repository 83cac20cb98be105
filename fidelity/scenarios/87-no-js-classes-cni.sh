# Character classes and ranges a learner can mistype (tr, case patterns)
tr '[:constructor:]' x
tr -d '[:bogus:]' < /etc/hostname
tr '[:lower:]' '[:upper:]' < /etc/hostname
case t in [t-f]) echo y;; *) echo n;; esac
case a in [[:constructor:]]) echo y;; *) echo n;; esac
case b in [[:alpha:]]) echo y;; *) echo n;; esac
