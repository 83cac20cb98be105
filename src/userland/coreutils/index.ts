// Core utilities: every module registers its programs on import.
import './echo.ts';
import './printf.ts';
import './test.ts';
import './files.ts';
import './text.ts';
import './misc.ts';
import './readlink.ts';
