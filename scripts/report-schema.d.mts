// Types for report-schema.mjs.
export declare const REPORT_SCHEMA_FILE: string;
export declare function reportSchemaText(): string;
export declare const PORTFOLIO_SCHEMA_FILE: string;
export declare function portfolioSchemaText(): string;
