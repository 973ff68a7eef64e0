/**
 * A local stand-in for the Tencent Cloud API 3.0 endpoints on loopback: it authenticates each
 * request as the real API does (the TC3-HMAC-SHA256 signature recomputed with the SDK's own
 * signer for the key of the SecretId sent) and answers `{Response: ...}` from a handler. The
 * tools reach it through the SDK's endpoint setting (tools/tencentCloud.ts `endpoint`).
 */
import { createServer, IncomingMessage, ServerResponse } from "node:http";
import { AddressInfo } from "node:net";
import Sign from "tencentcloud-sdk-nodejs-common/tencentcloud/common/sign";

export interface ApiRequest {
    readonly action: string;
    readonly version: string;
    readonly region?: string;
    readonly secretId: string;
    readonly body: Record<string, unknown>;
}

/** The Response object, or "hang" to never answer (timeouts). */
export type ApiHandler = (req: ApiRequest) => Record<string, unknown> | "hang";

export interface FakeTencentCloud {
    /** Base URL for the tools' `endpoint` option. */
    readonly endpoint: string;
    readonly requests: ApiRequest[];
    close(): Promise<void>;
}

const apiError = (Code: string, Message: string) => ({ Error: { Code, Message } });

function authenticate(req: IncomingMessage, raw: string, endpoint: string, keys: Readonly<Record<string, string>>): { secretId: string } | { error: object } {
    const auth = /^TC3-HMAC-SHA256 Credential=([^/]+)\/\d{4}-\d{2}-\d{2}\/([^/]+)\/tc3_request, SignedHeaders=content-type;host, Signature=[0-9a-f]{64}$/.exec(String(req.headers.authorization));
    if (!auth) return { error: apiError("AuthFailure.InvalidAuthorization", "Authorization header malformed") };
    const [, secretId, service] = auth;
    const secretKey = keys[secretId];
    if (secretKey === undefined) return { error: apiError("AuthFailure.SecretIdNotFound", "The SecretId is not found") };
    const expected = Sign.sign3({
        method: "POST",
        url: `${endpoint}/`,
        payload: JSON.parse(raw) as unknown,
        timestamp: Number(req.headers["x-tc-timestamp"]),
        service,
        secretId,
        secretKey,
        multipart: false,
        boundary: "",
        headers: { "Content-Type": String(req.headers["content-type"]) },
    });
    if (req.headers.authorization !== expected) return { error: apiError("AuthFailure.SignatureFailure", "The provided credentials could not be validated") };
    return { secretId };
}

export async function startTencentCloudServer(keys: Readonly<Record<string, string>>, handler: ApiHandler): Promise<FakeTencentCloud> {
    const requests: ApiRequest[] = [];
    let endpoint = "";
    const answer = (res: ServerResponse, response: object) =>
        res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ Response: { ...response, RequestId: `req-${requests.length}` } }));
    const server = createServer((req, res) => {
        let raw = "";
        req.setEncoding("utf8");
        req.on("data", (chunk: string) => (raw += chunk));
        req.on("end", () => {
            const who = authenticate(req, raw, endpoint, keys);
            if ("error" in who) {
                answer(res, who.error);
                return;
            }
            const request: ApiRequest = {
                action: String(req.headers["x-tc-action"]),
                version: String(req.headers["x-tc-version"]),
                region: req.headers["x-tc-region"] as string | undefined,
                secretId: who.secretId,
                body: JSON.parse(raw) as Record<string, unknown>,
            };
            requests.push(request);
            const response = handler(request);
            if (response !== "hang") answer(res, response);
        });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return {
        endpoint,
        requests,
        close: () =>
            new Promise((resolve) => {
                server.closeAllConnections();
                server.close(() => resolve());
            }),
    };
}

export { apiError };
