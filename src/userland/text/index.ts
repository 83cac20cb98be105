// Text tools lessons pipe into: awk (mawk 1.3.4 as Debian's default awk), sed (GNU 4.9), jq (1.6).
import './jq.ts';
import './awk.ts';
import './sed.ts';
