// Core utilities: every module registers its programs on import.
import './echo.ts';
import './printf.ts';
import './test.ts';
