export declare const MEASURED: string;
export declare function runsScript(dist: string, scenarioFile: string, warm: number, measured: number): string;
export declare function runNode(flags: readonly string[], script: string): string;
export declare function hiddenClassesMade(dist: string, scenarioFile: string, warm: number, measured: number): number;
