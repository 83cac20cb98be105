// The syntax tree of the shell language (a bash-flavoured POSIX subset).
//
//   Program = List
//   List    = AndOr { (';' | '&' | NEWLINE) AndOr }
//   AndOr   = Pipeline { ('&&' | '||') Pipeline }
//   Pipeline= ['!'] Command { '|' Command }
//   Command = Simple | Subshell '( )' | Group '{ }' | If | For | While | Case | FuncDef
//
// Words keep their quoting structure so that expansion can decide what is
// field-split and globbed, exactly as bash does.

/** One piece of a word. */
export type WordPart =
  /** Unquoted literal text (glob characters active, `~` at word start expands). */
  | { k: 'lit'; v: string }
  /** Quoted literal text ('...', $'...', or a backslash escape). */
  | { k: 'sq'; v: string }
  /** A double-quoted group. */
  | { k: 'dq'; parts: WordPart[] }
  /** Parameter expansion: $x, ${x}, ${x:-w}, ${#x}, ${x#p}, ${x/p/r}... */
  | { k: 'param'; name: string; op?: string; arg?: Word; arg2?: Word }
  /** Command substitution $(...) or `...`. */
  | { k: 'cmdsub'; body: List }
  /** Arithmetic expansion $((...)); `expr` is itself expanded first. */
  | { k: 'arith'; expr: Word };

/** A shell word. `raw` is the source text (used for reserved words and errors). */
export interface Word {
  parts: WordPart[];
  raw: string;
}

/** Here-document body attached to a `<<` redirect. */
export interface HereDoc {
  /** Body text as written (without the delimiter line). */
  body: string;
  /** False when the delimiter was quoted: no expansion. */
  expand: boolean;
}

/** A redirection such as `2>&1`, `>>file`, `<<EOF`. */
export interface Redirect {
  /** File descriptor redirected (default 0 for `<`, 1 for `>`); -1 means both 1 and 2 (`&>`). */
  fd: number;
  op: '>' | '>>' | '<' | '>&' | '<&' | '<<' | '<<<' | '<>' | '>|' | '&>' | '&>>';
  target: Word;
  heredoc?: HereDoc;
}

/** `NAME=value` before a command (or alone). */
export interface Assign {
  name: string;
  value: Word;
  append: boolean;
  /** `NAME=(words…)`: a compound (array) assignment, parsed so it can be refused as not simulated. */
  array?: Word[];
}

export interface SimpleCommand {
  k: 'simple';
  assigns: Assign[];
  /** The command's first array, as written (`a=(1 2)` before the name or a declaration builtin's `NAME=(…)` argument): the command is refused, arrays are not simulated. */
  arrayText?: string;
  words: Word[];
  redirs: Redirect[];
  line: number;
}
export interface SubshellCommand {
  k: 'subshell';
  body: List;
  redirs: Redirect[];
}
/** An expression of bash's `[[ … ]]`. */
export type CondExpr =
  | { k: 'and' | 'or'; l: CondExpr; r: CondExpr }
  | { k: 'not'; e: CondExpr }
  | { k: 'group'; e: CondExpr }
  | { k: 'unary'; op: string; a: Word }
  | { k: 'binary'; op: string; a: Word; b: Word }
  | { k: 'word'; a: Word };

/** bash's conditional command `[[ expr ]]`. */
export interface CondCommand {
  k: 'cond';
  expr: CondExpr;
  redirs: Redirect[];
  line: number;
}

/** bash's arithmetic command `(( expr ))`: status 0 when the value is not zero. */
export interface ArithCommand {
  k: 'arithcmd';
  expr: Word;
  redirs: Redirect[];
  line: number;
}
/** bash's `coproc [NAME] command`: parsed so the shell can refuse it (coprocesses are not simulated). */
export interface CoprocCommand {
  k: 'coproc';
  /** COPROC unless a compound command follows a name. */
  name: string;
  body: Command;
  /** Always empty (a redirection after the command is the command's). */
  redirs: Redirect[];
}
export interface GroupCommand {
  k: 'group';
  body: List;
  redirs: Redirect[];
}
export interface IfCommand {
  k: 'if';
  clauses: { cond: List; body: List }[];
  orElse?: List;
  redirs: Redirect[];
}
export interface ForCommand {
  k: 'for';
  /** bash's `select NAME in …` (parsed like `for`, refused as not simulated). */
  select?: boolean;
  name: string;
  /** Undefined: iterate over "$@". */
  words?: Word[];
  body: List;
  redirs: Redirect[];
}
/** bash's `for (( init; cond; step )); do …; done` (an empty cond is true). */
export interface ArithForCommand {
  k: 'arithfor';
  init: Word;
  cond: Word;
  step: Word;
  body: List;
  redirs: Redirect[];
  line: number;
}
export interface WhileCommand {
  k: 'while';
  until: boolean;
  cond: List;
  body: List;
  redirs: Redirect[];
}
export interface CaseCommand {
  k: 'case';
  word: Word;
  items: { patterns: Word[]; body: List }[];
  redirs: Redirect[];
}
export interface FuncDef {
  k: 'func';
  name: string;
  body: Command;
}

export type Command =
  | SimpleCommand
  | SubshellCommand
  | ArithCommand
  | CondCommand
  | GroupCommand
  | CoprocCommand
  | IfCommand
  | ForCommand
  | ArithForCommand
  | WhileCommand
  | CaseCommand
  | FuncDef;

export interface Pipeline {
  bang: boolean;
  /** bash's `time` (`posix` for `time -p`): report the pipeline's times on the shell's stderr. */
  time?: 'bash' | 'posix';
  cmds: Command[];
}

export interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
  /** Source text of this and-or list (job table display). */
  src: string;
}

export interface List {
  items: { cmd: AndOr; bg: boolean }[];
}
