import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real nginx serving WebDAV PUT (Debian's `nginx` with
/// `libnginx-mod-http-dav-ext`) on 127.0.0.1, as a team's remote cache. It
/// runs as the current user in the foreground, with its configuration, root,
/// logs and temp folders in a temp folder of its own, and is killed with the
/// test. Its access log records each request's method, path, status and
/// byte counts, which the tests count.
final class NginxDAV {
    let directory = Fixtures.temporaryDirectory()
    private(set) var port: UInt16 = 0
    private var process: Process?

    static let binary = "/usr/sbin/nginx"
    static let davModule = "/usr/lib/nginx/modules/ngx_http_dav_ext_module.so"

    /// `authorization`: the `Authorization` header every request must carry, or nil for none.
    init(authorization: String? = nil) throws {
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: directory + "/temp", withIntermediateDirectories: true)
        // A port another process takes between our probe and nginx's bind makes nginx exit: try another.
        for _ in 0..<5 {
            port = try CanaryListener().port
            try configuration(authorization: authorization).write(toFile: directory + "/nginx.conf", atomically: true, encoding: .utf8)
            if try start() { return }
        }
        throw ListenerError("nginx did not start: \(errorLog)")
    }

    deinit { stop() }

    var root: String { directory + "/root" }
    var url: String { "http://127.0.0.1:\(port)" }
    var errorLog: String { (try? String(contentsOfFile: directory + "/error.log", encoding: .utf8)) ?? "" }

    /// SIGKILL: the server is gone at once, as in a crash or a pulled cable.
    func stop() {
        guard let process, process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    private func start() throws -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = ["-p", directory, "-c", directory + "/nginx.conf", "-e", directory + "/error.log"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        self.process = process
        return eventually(timeout: 10) { !process.isRunning || accepts() } && process.isRunning
    }

    /// True when something answers a TCP connection on the port.
    private func accepts() -> Bool {
        let client = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(client) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = port.bigEndian
        return withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(client, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }

    private func configuration(authorization: String?) -> String {
        let check = authorization.map { "if ($http_authorization != \"\($0)\") { return 401; }" } ?? ""
        return """
        daemon off;
        master_process off;
        worker_processes 1;
        pid \(directory)/nginx.pid;
        error_log \(directory)/error.log;
        load_module \(Self.davModule);
        events { worker_connections 256; }
        http {
            log_format cache '$request_method $uri $status $request_length $bytes_sent';
            access_log \(directory)/access.log cache;
            client_body_temp_path \(directory)/temp/body;
            proxy_temp_path \(directory)/temp/proxy;
            fastcgi_temp_path \(directory)/temp/fastcgi;
            uwsgi_temp_path \(directory)/temp/uwsgi;
            scgi_temp_path \(directory)/temp/scgi;
            server {
                listen 127.0.0.1:\(port);
                root \(root);
                client_max_body_size 0;
                gzip on;
                gzip_types *;
                location / {
                    \(check)
                    dav_methods PUT DELETE;
                    dav_ext_methods PROPFIND OPTIONS;
                    create_full_put_path on;
                }
            }
        }
        """
    }

    struct Request {
        var method: String
        var path: String
        var status: Int
        /// The whole request (line, headers, body) and the whole response, as nginx counts them.
        var bytesIn: Int
        var bytesOut: Int
    }

    /// Every request so far, in order.
    var requests: [Request] {
        let text = (try? String(contentsOfFile: directory + "/access.log", encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ")
            guard fields.count == 5, let status = Int(fields[2]), let bytesIn = Int(fields[3]), let bytesOut = Int(fields[4]) else { return nil }
            return Request(method: String(fields[0]), path: String(fields[1]), status: status, bytesIn: bytesIn, bytesOut: bytesOut)
        }
    }

    /// The files the server holds under `cas/` or `ac/`.
    func stored(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root + "/" + folder)) ?? []).map { root + "/" + folder + "/" + $0 }
    }
}
