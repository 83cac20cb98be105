// kubectl: see below (registered when written).
