/*
 * node_host: the wasm_host.h bridge, written as EM_JS functions that call
 * Node's own modules (fs, tty, child_process, process).  They run in the
 * calling thread's worker (main runs in a pthread under PROXY_TO_PTHREAD),
 * where Emscripten's worker.js puts Node's require on the global object.
 * Emscripten post-processes this JS like its own library code, so the
 * HEAP views stay valid across memory growth.
 *
 * Layer: wasm/ host bridge (Emscripten only).  Callers: see wasm_host.h.
 */
#include <emscripten.h>
#include <stdio.h>

#include "fs.h"
#include "wasm_host.h"

/* clang-format would format the EM_JS bodies (JavaScript) as C */
// clang-format off

/* A Node error as a negative Linux errno (libuv's errno is -errno). */
EM_JS(int, node_host_lstat_js, (const char *path, int64_t *out), {
	var st;
	try {
		st = require('fs').lstatSync(UTF8ToString(path),
					     {bigint: true});
	} catch (e) {
		return (typeof e.errno === 'number' && e.errno < 0) ? e.errno
								     : -5;
	}
	var G = BigInt(1000000000);
	var v = [
		st.dev, st.ino, st.rdev, st.mode, st.nlink, st.uid, st.gid,
		st.size, st.blksize, st.blocks, st.atimeNs / G, st.atimeNs % G,
		st.mtimeNs / G, st.mtimeNs % G, st.ctimeNs / G, st.ctimeNs %
		G
	];
	var p = out >> 2;
	for (var i = 0; i < v.length; i++) {
		var x = BigInt.asUintN(64, v[i]);
		HEAPU32[p + 2 * i] = Number(BigInt.asUintN(32, x));
		HEAPU32[p + 2 * i + 1] = Number(x >> BigInt(32));
	}
	return 0;
});

int wasm_host_lstat(const char *path, struct wasm_host_stat *st)
{
	_Static_assert(sizeof(*st) == 16 * 8, "16 64-bit fields");
	return node_host_lstat_js(path, (int64_t *)st);
}

EM_JS(int, wasm_host_link, (const char *oldpath, const char *newpath), {
	try {
		require('fs').linkSync(UTF8ToString(oldpath),
				       UTF8ToString(newpath));
	} catch (e) {
		return (typeof e.errno === 'number' && e.errno < 0) ? e.errno
								     : -5;
	}
	return 0;
});

/*
 * Times as decimal strings "S.NNNNNNNNN" keep every digit.  Whole
 * microseconds go to lutimesSync (seconds as a double, nudged by half a
 * microsecond so libuv's truncation lands on the wanted one); finer times
 * need touch(1), which hands nanoseconds to utimensat.
 */
EM_JS(int, node_host_utimens_js,
      (const char *path, const char *atime, const char *mtime, int exact_us), {
	      var p = UTF8ToString(path);
	      var a = UTF8ToString(atime);
	      var m = UTF8ToString(mtime);
	      var fs = require('fs');
	      var err = function(e)
	      {
		      return (typeof e.errno === 'number' && e.errno < 0)
				     ? e.errno
				     : -5;
	      };
	      if (!exact_us) {
		      try {
			      var cp = require('child_process');
			      var o = {stdio: 'ignore'};
			      cp.execFileSync('touch',
					      [
						      '-h', '-c', '-a', '-d',
						      '@' + a, '--',
						      p
					      ],
					      o);
			      cp.execFileSync('touch',
					      [
						      '-h', '-c', '-m', '-d',
						      '@' + m, '--',
						      p
					      ],
					      o);
			      fs.lstatSync(p);
			      return 0;
		      } catch (e) {
			      if (e.code === 'ENOENT' && e.syscall === 'lstat')
				      return -2;
			      /* no touch(1): microseconds will do */
		      }
	      }
	      try {
		      fs.lutimesSync(p, Number(a) + 5e-7, Number(m) + 5e-7);
	      } catch (e) {
		      return err(e);
	      }
	      return 0;
      });

int wasm_host_utimens(const char *path, int64_t asec, int64_t ansec,
		      int64_t msec, int64_t mnsec)
{
	char a[40], m[40];
	/* negative times: "-1.5" means -1 s - 0.5 s, so borrow a second */
	int64_t as = ansec && asec < 0 ? asec + 1 : asec;
	int64_t ms = mnsec && msec < 0 ? msec + 1 : msec;
	int64_t an = ansec && asec < 0 ? 1000000000 - ansec : ansec;
	int64_t mn = mnsec && msec < 0 ? 1000000000 - mnsec : mnsec;

	snprintf(a, sizeof(a), "%s%lld.%09lld", asec < 0 && as == 0 ? "-" : "",
		 (long long)as, (long long)an);
	snprintf(m, sizeof(m), "%s%lld.%09lld", msec < 0 && ms == 0 ? "-" : "",
		 (long long)ms, (long long)mn);
	return node_host_utimens_js(path, a, m,
				    ansec % 1000 == 0 && mnsec % 1000 == 0);
}

EM_JS(double, node_host_cpu_us_js, (void), {
	var u = process.cpuUsage();
	return u.user + u.system;
});

int64_t wasm_host_cpu_time_ns(void)
{
	return (int64_t)node_host_cpu_us_js() * 1000;
}

EM_JS(int, wasm_host_isatty, (int fd), {
	try {
		return require('tty').isatty(fd) ? 1 : 0;
	} catch (e) {
		return 0;
	}
});

EM_JS(void, node_host_ids_js, (uint32_t * out), {
	var f = [
		process.getuid, process.geteuid, process.getgid, process.getegid
	];
	for (var i = 0; i < 4; i++)
		HEAPU32[(out >> 2) + i] = f[i] ? f[i]() >>> 0 : 0;
});

void wasm_host_ids(uint32_t *uid, uint32_t *euid, uint32_t *gid, uint32_t *egid)
{
	uint32_t v[4];

	node_host_ids_js(v);
	*uid = v[0];
	*euid = v[1];
	*gid = v[2];
	*egid = v[3];
}

/*
 * The exact list from /proc/self/status on a Linux host; else Node's
 * process.getgroups(), which appends the egid when it is missing.
 */
EM_JS(int, wasm_host_getgroups, (uint32_t * list, int max), {
	var g = null;
	try {
		var s = require('fs').readFileSync('/proc/self/status', 'utf8');
		var line = s.split('\n').find(
			function(l) { return l.startsWith('Groups:'); });
		if (line !== undefined)
			g = line.slice(7)
				    .split('\t')
				    .join(' ')
				    .trim()
				    .split(' ')
				    .filter(function(x) { return x.length; })
				    .map(Number);
	} catch (e) {
		g = null;
	}
	if (g === null) {
		g = process.getgroups ? process.getgroups() : [];
		var eg = process.getegid ? process.getegid() : -1;
		if (g.length && g.indexOf(eg) === g.length - 1)
			g.pop();
	}
	var n = Math.min(g.length, max);
	for (var i = 0; i < n; i++)
		HEAPU32[(list >> 2) + i] = g[i] >>> 0;
	return n;
});

/* A constructor: this object is always linked (hostfs calls it). */
__attribute__((constructor)) void wasm_host_init(void)
{
	console_set_tty_probe(wasm_host_isatty);
}

/*
 * The directory in the host's own readdir order (Emscripten's comes from
 * readdirSync, which libuv sorts): "." and ".." first, then opendirSync's
 * entries.  Each record: ino (8 bytes LE), Linux DT_* (1), name length
 * (2 LE), name bytes.  Returns the bytes the listing needs (copied only
 * when they fit in cap; the listing is kept for the retry) or -errno.
 */
EM_JS(int, wasm_host_readdir, (const char *path, uint8_t *buf, int cap), {
	var fs = require('fs');
	var p = UTF8ToString(path);
	var key = 'waxDirCache';
	var c = globalThis[key];
	var out;
	if (c && c.path === p && cap >= c.data.length) {
		out = c.data;
		globalThis[key] = null;
	} else {
		var recs = [];
		var total = 0;
		var dt = function(d)
		{
			return d.isFile()	       ? 8
			       : d.isDirectory()       ? 4
			       : d.isSymbolicLink()    ? 10
			       : d.isFIFO()	       ? 1
			       : d.isCharacterDevice() ? 2
			       : d.isBlockDevice()     ? 6
			       : d.isSocket()	       ? 12
						       : 0;
		};
		var add = function(name, ino, type)
		{
			var r = Buffer.alloc(11 + name.length);
			r.writeBigUInt64LE(BigInt.asUintN(64, ino), 0);
			r.writeUInt8(type, 8);
			r.writeUInt16LE(name.length, 9);
			name.copy(r, 11);
			recs.push(r);
			total += r.length;
		};
		try {
			var pb = Buffer.from(p);
			var ino = function(n)
			{
				return fs
					.lstatSync(Buffer.concat([
						pb, Buffer.from('/'),
						n
					]),
						   {bigint: true})
					.ino;
			};
			add(Buffer.from('.'), ino(Buffer.from('.')), 4);
			add(Buffer.from('..'), ino(Buffer.from('..')), 4);
			var d = fs.opendirSync(p, {encoding: 'buffer'});
			try {
				var e;
				while ((e = d.readSync()) !== null) {
					var i = BigInt(0);
					try {
						i = ino(e.name);
					} catch (x) {
					}
					add(e.name, i, dt(e));
				}
			} finally {
				d.closeSync();
			}
		} catch (x) {
			return (typeof x.errno === 'number' && x.errno < 0)
				       ? x.errno
				       : -5;
		}
		out = Buffer.concat(recs, total);
		globalThis[key] =
			cap >= out.length ? null : {path : p, data : out};
	}
	if (cap >= out.length)
		HEAPU8.set(out, buf);
	return out.length;
});

/*
 * mkfifo(3) with exactly mode (Node has no mkfifo and NODERAWFS's mknod
 * makes a regular file): mkfifo(1) makes it.  -EEXIST, -ENOENT/-ENOTDIR
 * for a bad parent, -EACCES when mkfifo(1) fails otherwise.
 */
EM_JS(int, wasm_host_mkfifo, (const char *path, unsigned mode), {
	var fs = require('fs');
	var p = UTF8ToString(path);
	var err = function(e)
	{
		return (typeof e.errno === 'number' && e.errno < 0) ? e.errno
								     : -5;
	};
	try {
		fs.lstatSync(p);
		return -17;
	} catch (e) {
		if (e.code !== 'ENOENT')
			return err(e);
	}
	try {
		if (!fs.statSync(require('path').dirname(p)).isDirectory())
			return -20;
	} catch (e) {
		return err(e);
	}
	try {
		require('child_process')
			.execFileSync(
				'mkfifo',
				['-m', (mode & 4095).toString(8), '--', p], {
					stdio:
						'ignore'
				});
	} catch (e) {
		return -13;
	}
	return 0;
});
// clang-format on
