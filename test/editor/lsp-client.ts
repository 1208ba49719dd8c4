// A minimal Language Server Protocol client over stdio (JSON-RPC with Content-Length framing):
// enough to open a document in the real yaml-language-server and ask it what an editor asks.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

export interface Position {
  line: number;
  character: number;
}
export interface Diagnostic {
  range: { start: Position; end: Position };
  message: string;
  severity?: number;
}
export interface CompletionItem {
  label: string;
  kind?: number;
  detail?: string;
  documentation?: string | { kind: string; value: string };
  insertText?: string;
  textEdit?: { newText: string };
}

type Message = { id?: number | string; method?: string; params?: unknown; result?: unknown; error?: { message: string } };

const require = createRequire(import.meta.url);

export class LspClient {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly diagnostics = new Map<string, Diagnostic[][]>();
  private readonly listeners = new Set<() => void>();
  stderr = "";

  constructor(private readonly rootDir: string) {
    const server = require.resolve("yaml-language-server/bin/yaml-language-server");
    this.child = spawn(process.execPath, [server, "--stdio"], { cwd: rootDir, stdio: "pipe" });
    this.child.stdout.on("data", (chunk: Buffer) => this.onData(chunk));
    this.child.stderr.on("data", (chunk: Buffer) => (this.stderr += chunk.toString()));
  }

  async start(): Promise<void> {
    const rootUri = pathToFileURL(this.rootDir).href;
    await this.request("initialize", {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: "user-repo" }],
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
        textDocument: {
          completion: { completionItem: { snippetSupport: true, documentationFormat: ["markdown", "plaintext"] } },
          publishDiagnostics: { relatedInformation: false },
        },
      },
    });
    this.notify("initialized", {});
  }

  open(path: string, text: string): string {
    const uri = pathToFileURL(path).href;
    this.notify("textDocument/didOpen", { textDocument: { uri, languageId: "yaml", version: 1, text } });
    return uri;
  }

  completion(uri: string, position: Position): Promise<CompletionItem[]> {
    return this.request("textDocument/completion", { textDocument: { uri }, position }).then((r) => {
      const result = r as CompletionItem[] | { items: CompletionItem[] } | null;
      return Array.isArray(result) ? result : (result?.items ?? []);
    });
  }

  /** The first diagnostics the server publishes for the document (it validates once the schema is loaded). */
  async diagnosticsFor(uri: string): Promise<Diagnostic[]> {
    while (!this.diagnostics.has(uri)) await new Promise<void>((resolve) => this.listeners.add(resolve));
    return this.diagnostics.get(uri)![0]!;
  }

  async stop(): Promise<void> {
    await this.request("shutdown", null).catch(() => undefined);
    this.notify("exit", null);
    if (this.child.exitCode === null) await new Promise((resolve) => this.child.once("exit", resolve));
  }

  kill(): void {
    this.child.kill();
  }

  private request(method: string, params: unknown): Promise<unknown> {
    const id = this.nextId++;
    this.send({ jsonrpc: "2.0", id, method, params });
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }

  private notify(method: string, params: unknown): void {
    this.send({ jsonrpc: "2.0", method, params });
  }

  private send(message: object): void {
    const body = Buffer.from(JSON.stringify(message), "utf8");
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf("\r\n\r\n");
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString("utf8");
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.onMessage(JSON.parse(body) as Message);
    }
  }

  private onMessage(message: Message): void {
    if (message.method !== undefined && message.id !== undefined) {
      // A request from the server: answer what an editor would.
      const result = message.method === "workspace/configuration" ? this.configuration(message.params) : null;
      this.send({ jsonrpc: "2.0", id: message.id, result });
      return;
    }
    if (message.method === "textDocument/publishDiagnostics") {
      const { uri, diagnostics } = message.params as { uri: string; diagnostics: Diagnostic[] };
      this.diagnostics.set(uri, [...(this.diagnostics.get(uri) ?? []), diagnostics]);
      for (const listener of this.listeners) listener();
      this.listeners.clear();
      return;
    }
    if (typeof message.id === "number" && this.pending.has(message.id)) {
      const waiter = this.pending.get(message.id)!;
      this.pending.delete(message.id);
      if (message.error) waiter.reject(new Error(message.error.message));
      else waiter.resolve(message.result);
    }
  }

  private configuration(params: unknown): unknown[] {
    const items = (params as { items: { section?: string }[] }).items;
    // No schema store (no network): only the document's own modeline names a schema.
    const yaml = { validate: true, completion: true, hover: true, schemaStore: { enable: false }, schemas: {} };
    return items.map((item) => (item.section === "yaml" ? yaml : item.section === "http" ? {} : null));
  }
}
