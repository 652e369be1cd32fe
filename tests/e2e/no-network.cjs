/**
 * Preloaded (`node --require`) into the e2e backend, in its main thread and every worker thread:
 * any attempt to reach a host other than this machine (a TCP or TLS connection, a UDP datagram, a
 * DNS lookup of another name) fails at once and is appended to the file named by
 * RESUME_STUDIO_NETWORK_LOG, which the e2e backend helper reads when it stops. Loopback addresses,
 * "localhost" and local (Unix / pipe) sockets are allowed: that is the bridge and its API.
 */
'use strict';
// A --require preload is CommonJS: it must run before the app's own modules, in every thread.
/* eslint-disable @typescript-eslint/no-require-imports */
const fs = require('node:fs');
const net = require('node:net');
const dgram = require('node:dgram');
const dns = require('node:dns');

const logFile = process.env.RESUME_STUDIO_NETWORK_LOG;

/** True for this machine: loopback IPs, "localhost" and names under it. */
function isLocalHost(host) {
  if (host === undefined || host === null || host === '') return true; // Node's default host is localhost.
  const name = String(host)
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  if (name === 'localhost' || name.endsWith('.localhost')) return true;
  if (net.isIPv4(name)) return name.startsWith('127.');
  if (net.isIPv6(name)) return name === '::1' || /^::ffff:127\./.test(name);
  return false;
}

function record(what) {
  const line = `${what} (pid ${process.pid})\n`;
  if (logFile) fs.appendFileSync(logFile, line);
  process.stderr.write(`[no-network] blocked ${line}`);
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function patchedConnect(...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const options = typeof first === 'object' && first !== null ? first : { port: first, host: typeof args[1] === 'string' ? args[1] : undefined };
  // A local (Unix / pipe) socket has a path; http passes path: null for TCP.
  if (typeof options.path !== 'string' && !isLocalHost(options.host)) {
    record(`connection to ${options.host}:${options.port}`);
    process.nextTick(() => this.destroy(new Error(`Outgoing network connection to ${options.host} blocked by the e2e no-network check.`)));
    return this;
  }
  return connect.apply(this, args);
};

const send = dgram.Socket.prototype.send;
dgram.Socket.prototype.send = function patchedSend(...args) {
  const address = args.find((a, i) => i > 0 && typeof a === 'string');
  if (!isLocalHost(address)) {
    record(`UDP datagram to ${address}`);
    const callback = args.find((a) => typeof a === 'function');
    if (callback) process.nextTick(callback, new Error(`UDP to ${address} blocked by the e2e no-network check.`));
    return;
  }
  return send.apply(this, args);
};

const lookup = dns.lookup;
dns.lookup = function patchedLookup(hostname, ...rest) {
  if (!isLocalHost(hostname)) {
    record(`DNS lookup of ${hostname}`);
    const callback = rest.find((a) => typeof a === 'function');
    const error = Object.assign(new Error(`DNS lookup of ${hostname} blocked by the e2e no-network check.`), { code: 'ENOTFOUND' });
    if (callback) process.nextTick(callback, error);
    return {};
  }
  return lookup.call(this, hostname, ...rest);
};
const promisesLookup = dns.promises.lookup;
dns.promises.lookup = function patchedPromisesLookup(hostname, ...rest) {
  if (!isLocalHost(hostname)) {
    record(`DNS lookup of ${hostname}`);
    return Promise.reject(Object.assign(new Error(`DNS lookup of ${hostname} blocked by the e2e no-network check.`), { code: 'ENOTFOUND' }));
  }
  return promisesLookup.call(this, hostname, ...rest);
};
