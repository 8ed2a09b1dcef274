/** The documented exit codes (README "Exit codes", every command's --help). */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
