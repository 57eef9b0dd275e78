export declare const suiteDir: string;
export declare const suiteVsix: string;
export declare const suiteTestsPath: string;
export declare function buildSuite(): Promise<{ vsix: string; testsPath: string }>;
