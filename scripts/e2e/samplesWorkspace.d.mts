export declare function copySamplesWorkspace(label?: string): { workspace: string; remove(): void };
