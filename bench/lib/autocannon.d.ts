/** The part of autocannon's programmatic API (v9) bench/lib/load-list.ts uses; the package ships no types. */
declare module 'autocannon' {
  type RequestSpec = {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string;
  };
  type Request = RequestSpec & {
    /** Called before each request is built (once per request sent, the first of each connection at its start). */
    setupRequest?: (request: RequestSpec, context: Record<string, unknown>) => RequestSpec;
    onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
  };
  type Histogram = { average: number; p50: number; p97_5: number; p99: number; max: number; total: number };
  export type Result = {
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    statusCodeStats: Record<string, { count: number }>;
    latency: Histogram;
    requests: Histogram;
  };
  export type Options = {
    url: string;
    connections: number;
    amount?: number;
    duration?: number;
    timeout?: number;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    requests?: Request[];
  };
  export default function autocannon(options: Options): Promise<Result>;
}
