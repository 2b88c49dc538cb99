export declare function findChromium(options?: { install?: boolean }): Promise<string>
