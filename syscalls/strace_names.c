/*
 * Names for --strace and crash reports: glibc's errno messages and the
 * signal names, by Linux number (our own tables, not the host's
 * strerror: under Emscripten the host's numbers differ).
 *
 * Layer: syscalls/.  Called by strace.c, process.c and frontend/main.c.
 */
#include "sys.h"
#include "linux_abi.h"

static const char *const errno_messages[] = {
	[LINUX_EPERM] = "Operation not permitted",
	[LINUX_ENOENT] = "No such file or directory",
	[LINUX_ESRCH] = "No such process",
	[LINUX_EINTR] = "Interrupted system call",
	[LINUX_EIO] = "Input/output error",
	[LINUX_ENXIO] = "No such device or address",
	[LINUX_E2BIG] = "Argument list too long",
	[LINUX_ENOEXEC] = "Exec format error",
	[LINUX_EBADF] = "Bad file descriptor",
	[LINUX_ECHILD] = "No child processes",
	[LINUX_EAGAIN] = "Resource temporarily unavailable",
	[LINUX_ENOMEM] = "Cannot allocate memory",
	[LINUX_EACCES] = "Permission denied",
	[LINUX_EFAULT] = "Bad address",
	[LINUX_ENOTBLK] = "Block device required",
	[LINUX_EBUSY] = "Device or resource busy",
	[LINUX_EEXIST] = "File exists",
	[LINUX_EXDEV] = "Invalid cross-device link",
	[LINUX_ENODEV] = "No such device",
	[LINUX_ENOTDIR] = "Not a directory",
	[LINUX_EISDIR] = "Is a directory",
	[LINUX_EINVAL] = "Invalid argument",
	[LINUX_ENFILE] = "Too many open files in system",
	[LINUX_EMFILE] = "Too many open files",
	[LINUX_ENOTTY] = "Inappropriate ioctl for device",
	[LINUX_ETXTBSY] = "Text file busy",
	[LINUX_EFBIG] = "File too large",
	[LINUX_ENOSPC] = "No space left on device",
	[LINUX_ESPIPE] = "Illegal seek",
	[LINUX_EROFS] = "Read-only file system",
	[LINUX_EMLINK] = "Too many links",
	[LINUX_EPIPE] = "Broken pipe",
	[LINUX_EDOM] = "Numerical argument out of domain",
	[LINUX_ERANGE] = "Numerical result out of range",
	[LINUX_EDEADLK] = "Resource deadlock avoided",
	[LINUX_ENAMETOOLONG] = "File name too long",
	[LINUX_ENOLCK] = "No locks available",
	[LINUX_ENOSYS] = "Function not implemented",
	[LINUX_ENOTEMPTY] = "Directory not empty",
	[LINUX_ELOOP] = "Too many levels of symbolic links",
	[LINUX_ENOMSG] = "No message of desired type",
	[LINUX_EIDRM] = "Identifier removed",
	[LINUX_ENODATA] = "No data available",
	[LINUX_ETIME] = "Timer expired",
	[LINUX_ENOLINK] = "Link has been severed",
	[LINUX_EPROTO] = "Protocol error",
	[LINUX_EBADMSG] = "Bad message",
	[LINUX_EOVERFLOW] = "Value too large for defined data type",
	[LINUX_EBADFD] = "File descriptor in bad state",
	[LINUX_EILSEQ] = "Invalid or incomplete multibyte or wide character",
	[LINUX_ERESTART] = "Interrupted system call should be restarted",
	[LINUX_EUSERS] = "Too many users",
	[LINUX_ENOTSOCK] = "Socket operation on non-socket",
	[LINUX_EDESTADDRREQ] = "Destination address required",
	[LINUX_EMSGSIZE] = "Message too long",
	[LINUX_EPROTOTYPE] = "Protocol wrong type for socket",
	[LINUX_ENOPROTOOPT] = "Protocol not available",
	[LINUX_EPROTONOSUPPORT] = "Protocol not supported",
	[LINUX_ESOCKTNOSUPPORT] = "Socket type not supported",
	[LINUX_EOPNOTSUPP] = "Operation not supported",
	[LINUX_EPFNOSUPPORT] = "Protocol family not supported",
	[LINUX_EAFNOSUPPORT] = "Address family not supported by protocol",
	[LINUX_EADDRINUSE] = "Address already in use",
	[LINUX_EADDRNOTAVAIL] = "Cannot assign requested address",
	[LINUX_ENETDOWN] = "Network is down",
	[LINUX_ENETUNREACH] = "Network is unreachable",
	[LINUX_ENETRESET] = "Network dropped connection on reset",
	[LINUX_ECONNABORTED] = "Software caused connection abort",
	[LINUX_ECONNRESET] = "Connection reset by peer",
	[LINUX_ENOBUFS] = "No buffer space available",
	[LINUX_EISCONN] = "Transport endpoint is already connected",
	[LINUX_ENOTCONN] = "Transport endpoint is not connected",
	[LINUX_ESHUTDOWN] = "Cannot send after transport endpoint shutdown",
	[LINUX_ETOOMANYREFS] = "Too many references: cannot splice",
	[LINUX_ETIMEDOUT] = "Connection timed out",
	[LINUX_ECONNREFUSED] = "Connection refused",
	[LINUX_EHOSTDOWN] = "Host is down",
	[LINUX_EHOSTUNREACH] = "No route to host",
	[LINUX_EALREADY] = "Operation already in progress",
	[LINUX_EINPROGRESS] = "Operation now in progress",
	[LINUX_ESTALE] = "Stale file handle",
	[LINUX_EDQUOT] = "Disk quota exceeded",
	[LINUX_ENOMEDIUM] = "No medium found",
	[LINUX_ECANCELED] = "Operation canceled",
	[LINUX_EOWNERDEAD] = "Owner died",
	[LINUX_ENOTRECOVERABLE] = "State not recoverable",
};

const char *linux_errno_message(int e)
{
	if (e == LINUX_ERESTARTSYS || e == LINUX_ERESTARTNOINTR ||
	    e == LINUX_ERESTARTNOHAND)
		return "To be restarted";
	if (e <= 0 || (size_t)e >= ARRAY_SIZE(errno_messages) ||
	    !errno_messages[e])
		return "Unknown error";
	return errno_messages[e];
}

static const char *const signal_names[] = {
	[LINUX_SIGHUP] = "SIGHUP",   [LINUX_SIGINT] = "SIGINT",
	[LINUX_SIGQUIT] = "SIGQUIT", [LINUX_SIGILL] = "SIGILL",
	[LINUX_SIGTRAP] = "SIGTRAP", [LINUX_SIGABRT] = "SIGABRT",
	[LINUX_SIGBUS] = "SIGBUS",   [LINUX_SIGFPE] = "SIGFPE",
	[LINUX_SIGKILL] = "SIGKILL", [LINUX_SIGUSR1] = "SIGUSR1",
	[LINUX_SIGSEGV] = "SIGSEGV", [LINUX_SIGUSR2] = "SIGUSR2",
	[LINUX_SIGPIPE] = "SIGPIPE", [LINUX_SIGALRM] = "SIGALRM",
	[LINUX_SIGTERM] = "SIGTERM", [LINUX_SIGSTKFLT] = "SIGSTKFLT",
	[LINUX_SIGCHLD] = "SIGCHLD", [LINUX_SIGCONT] = "SIGCONT",
	[LINUX_SIGSTOP] = "SIGSTOP", [LINUX_SIGTSTP] = "SIGTSTP",
	[LINUX_SIGTTIN] = "SIGTTIN", [LINUX_SIGTTOU] = "SIGTTOU",
	[LINUX_SIGURG] = "SIGURG",   [LINUX_SIGXCPU] = "SIGXCPU",
	[LINUX_SIGXFSZ] = "SIGXFSZ", [LINUX_SIGVTALRM] = "SIGVTALRM",
	[LINUX_SIGPROF] = "SIGPROF", [LINUX_SIGWINCH] = "SIGWINCH",
	[LINUX_SIGIO] = "SIGIO",     [LINUX_SIGPWR] = "SIGPWR",
	[LINUX_SIGSYS] = "SIGSYS",
};

const char *linux_signal_name(int signo)
{
	if (signo <= 0 || (size_t)signo >= ARRAY_SIZE(signal_names))
		return NULL;
	return signal_names[signo];
}
