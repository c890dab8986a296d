/*
 * Host errno -> Linux errno translation, by name, so it is right under
 * Emscripten (whose errno numbers differ from Linux's) as well as natively.
 * Called only by host backends, right after a failing host call.
 */
#include <errno.h>

#include "wax.h"

int linux_errno_from_host(int e)
{
	switch (e) {
#ifdef EPERM
	case EPERM:
		return LINUX_EPERM;
#endif
#ifdef ENOENT
	case ENOENT:
		return LINUX_ENOENT;
#endif
#ifdef ESRCH
	case ESRCH:
		return LINUX_ESRCH;
#endif
#ifdef EINTR
	case EINTR:
		return LINUX_EINTR;
#endif
#ifdef EIO
	case EIO:
		return LINUX_EIO;
#endif
#ifdef ENXIO
	case ENXIO:
		return LINUX_ENXIO;
#endif
#ifdef E2BIG
	case E2BIG:
		return LINUX_E2BIG;
#endif
#ifdef ENOEXEC
	case ENOEXEC:
		return LINUX_ENOEXEC;
#endif
#ifdef EBADF
	case EBADF:
		return LINUX_EBADF;
#endif
#ifdef ECHILD
	case ECHILD:
		return LINUX_ECHILD;
#endif
#ifdef EAGAIN
	case EAGAIN:
		return LINUX_EAGAIN;
#endif
#ifdef ENOMEM
	case ENOMEM:
		return LINUX_ENOMEM;
#endif
#ifdef EACCES
	case EACCES:
		return LINUX_EACCES;
#endif
#ifdef EFAULT
	case EFAULT:
		return LINUX_EFAULT;
#endif
#ifdef ENOTBLK
	case ENOTBLK:
		return LINUX_ENOTBLK;
#endif
#ifdef EBUSY
	case EBUSY:
		return LINUX_EBUSY;
#endif
#ifdef EEXIST
	case EEXIST:
		return LINUX_EEXIST;
#endif
#ifdef EXDEV
	case EXDEV:
		return LINUX_EXDEV;
#endif
#ifdef ENODEV
	case ENODEV:
		return LINUX_ENODEV;
#endif
#ifdef ENOTDIR
	case ENOTDIR:
		return LINUX_ENOTDIR;
#endif
#ifdef EISDIR
	case EISDIR:
		return LINUX_EISDIR;
#endif
#ifdef EINVAL
	case EINVAL:
		return LINUX_EINVAL;
#endif
#ifdef ENFILE
	case ENFILE:
		return LINUX_ENFILE;
#endif
#ifdef EMFILE
	case EMFILE:
		return LINUX_EMFILE;
#endif
#ifdef ENOTTY
	case ENOTTY:
		return LINUX_ENOTTY;
#endif
#ifdef ETXTBSY
	case ETXTBSY:
		return LINUX_ETXTBSY;
#endif
#ifdef EFBIG
	case EFBIG:
		return LINUX_EFBIG;
#endif
#ifdef ENOSPC
	case ENOSPC:
		return LINUX_ENOSPC;
#endif
#ifdef ESPIPE
	case ESPIPE:
		return LINUX_ESPIPE;
#endif
#ifdef EROFS
	case EROFS:
		return LINUX_EROFS;
#endif
#ifdef EMLINK
	case EMLINK:
		return LINUX_EMLINK;
#endif
#ifdef EPIPE
	case EPIPE:
		return LINUX_EPIPE;
#endif
#ifdef EDOM
	case EDOM:
		return LINUX_EDOM;
#endif
#ifdef ERANGE
	case ERANGE:
		return LINUX_ERANGE;
#endif
#ifdef EDEADLK
	case EDEADLK:
		return LINUX_EDEADLK;
#endif
#ifdef ENAMETOOLONG
	case ENAMETOOLONG:
		return LINUX_ENAMETOOLONG;
#endif
#ifdef ENOLCK
	case ENOLCK:
		return LINUX_ENOLCK;
#endif
#ifdef ENOSYS
	case ENOSYS:
		return LINUX_ENOSYS;
#endif
#ifdef ENOTEMPTY
	case ENOTEMPTY:
		return LINUX_ENOTEMPTY;
#endif
#ifdef ELOOP
	case ELOOP:
		return LINUX_ELOOP;
#endif
#ifdef ENOMSG
	case ENOMSG:
		return LINUX_ENOMSG;
#endif
#ifdef EIDRM
	case EIDRM:
		return LINUX_EIDRM;
#endif
#ifdef ECHRNG
	case ECHRNG:
		return LINUX_ECHRNG;
#endif
#ifdef EL2NSYNC
	case EL2NSYNC:
		return LINUX_EL2NSYNC;
#endif
#ifdef EL3HLT
	case EL3HLT:
		return LINUX_EL3HLT;
#endif
#ifdef EL3RST
	case EL3RST:
		return LINUX_EL3RST;
#endif
#ifdef ELNRNG
	case ELNRNG:
		return LINUX_ELNRNG;
#endif
#ifdef EUNATCH
	case EUNATCH:
		return LINUX_EUNATCH;
#endif
#ifdef ENOCSI
	case ENOCSI:
		return LINUX_ENOCSI;
#endif
#ifdef EL2HLT
	case EL2HLT:
		return LINUX_EL2HLT;
#endif
#ifdef EBADE
	case EBADE:
		return LINUX_EBADE;
#endif
#ifdef EBADR
	case EBADR:
		return LINUX_EBADR;
#endif
#ifdef EXFULL
	case EXFULL:
		return LINUX_EXFULL;
#endif
#ifdef ENOANO
	case ENOANO:
		return LINUX_ENOANO;
#endif
#ifdef EBADRQC
	case EBADRQC:
		return LINUX_EBADRQC;
#endif
#ifdef EBADSLT
	case EBADSLT:
		return LINUX_EBADSLT;
#endif
#ifdef EBFONT
	case EBFONT:
		return LINUX_EBFONT;
#endif
#ifdef ENOSTR
	case ENOSTR:
		return LINUX_ENOSTR;
#endif
#ifdef ENODATA
	case ENODATA:
		return LINUX_ENODATA;
#endif
#ifdef ETIME
	case ETIME:
		return LINUX_ETIME;
#endif
#ifdef ENOSR
	case ENOSR:
		return LINUX_ENOSR;
#endif
#ifdef ENONET
	case ENONET:
		return LINUX_ENONET;
#endif
#ifdef ENOPKG
	case ENOPKG:
		return LINUX_ENOPKG;
#endif
#ifdef EREMOTE
	case EREMOTE:
		return LINUX_EREMOTE;
#endif
#ifdef ENOLINK
	case ENOLINK:
		return LINUX_ENOLINK;
#endif
#ifdef EADV
	case EADV:
		return LINUX_EADV;
#endif
#ifdef ESRMNT
	case ESRMNT:
		return LINUX_ESRMNT;
#endif
#ifdef ECOMM
	case ECOMM:
		return LINUX_ECOMM;
#endif
#ifdef EPROTO
	case EPROTO:
		return LINUX_EPROTO;
#endif
#ifdef EMULTIHOP
	case EMULTIHOP:
		return LINUX_EMULTIHOP;
#endif
#ifdef EDOTDOT
	case EDOTDOT:
		return LINUX_EDOTDOT;
#endif
#ifdef EBADMSG
	case EBADMSG:
		return LINUX_EBADMSG;
#endif
#ifdef EOVERFLOW
	case EOVERFLOW:
		return LINUX_EOVERFLOW;
#endif
#ifdef ENOTUNIQ
	case ENOTUNIQ:
		return LINUX_ENOTUNIQ;
#endif
#ifdef EBADFD
	case EBADFD:
		return LINUX_EBADFD;
#endif
#ifdef EREMCHG
	case EREMCHG:
		return LINUX_EREMCHG;
#endif
#ifdef ELIBACC
	case ELIBACC:
		return LINUX_ELIBACC;
#endif
#ifdef ELIBBAD
	case ELIBBAD:
		return LINUX_ELIBBAD;
#endif
#ifdef ELIBSCN
	case ELIBSCN:
		return LINUX_ELIBSCN;
#endif
#ifdef ELIBMAX
	case ELIBMAX:
		return LINUX_ELIBMAX;
#endif
#ifdef ELIBEXEC
	case ELIBEXEC:
		return LINUX_ELIBEXEC;
#endif
#ifdef EILSEQ
	case EILSEQ:
		return LINUX_EILSEQ;
#endif
#ifdef ERESTART
	case ERESTART:
		return LINUX_ERESTART;
#endif
#ifdef ESTRPIPE
	case ESTRPIPE:
		return LINUX_ESTRPIPE;
#endif
#ifdef EUSERS
	case EUSERS:
		return LINUX_EUSERS;
#endif
#ifdef ENOTSOCK
	case ENOTSOCK:
		return LINUX_ENOTSOCK;
#endif
#ifdef EDESTADDRREQ
	case EDESTADDRREQ:
		return LINUX_EDESTADDRREQ;
#endif
#ifdef EMSGSIZE
	case EMSGSIZE:
		return LINUX_EMSGSIZE;
#endif
#ifdef EPROTOTYPE
	case EPROTOTYPE:
		return LINUX_EPROTOTYPE;
#endif
#ifdef ENOPROTOOPT
	case ENOPROTOOPT:
		return LINUX_ENOPROTOOPT;
#endif
#ifdef EPROTONOSUPPORT
	case EPROTONOSUPPORT:
		return LINUX_EPROTONOSUPPORT;
#endif
#ifdef ESOCKTNOSUPPORT
	case ESOCKTNOSUPPORT:
		return LINUX_ESOCKTNOSUPPORT;
#endif
#ifdef EOPNOTSUPP
	case EOPNOTSUPP:
		return LINUX_EOPNOTSUPP;
#endif
#ifdef EPFNOSUPPORT
	case EPFNOSUPPORT:
		return LINUX_EPFNOSUPPORT;
#endif
#ifdef EAFNOSUPPORT
	case EAFNOSUPPORT:
		return LINUX_EAFNOSUPPORT;
#endif
#ifdef EADDRINUSE
	case EADDRINUSE:
		return LINUX_EADDRINUSE;
#endif
#ifdef EADDRNOTAVAIL
	case EADDRNOTAVAIL:
		return LINUX_EADDRNOTAVAIL;
#endif
#ifdef ENETDOWN
	case ENETDOWN:
		return LINUX_ENETDOWN;
#endif
#ifdef ENETUNREACH
	case ENETUNREACH:
		return LINUX_ENETUNREACH;
#endif
#ifdef ENETRESET
	case ENETRESET:
		return LINUX_ENETRESET;
#endif
#ifdef ECONNABORTED
	case ECONNABORTED:
		return LINUX_ECONNABORTED;
#endif
#ifdef ECONNRESET
	case ECONNRESET:
		return LINUX_ECONNRESET;
#endif
#ifdef ENOBUFS
	case ENOBUFS:
		return LINUX_ENOBUFS;
#endif
#ifdef EISCONN
	case EISCONN:
		return LINUX_EISCONN;
#endif
#ifdef ENOTCONN
	case ENOTCONN:
		return LINUX_ENOTCONN;
#endif
#ifdef ESHUTDOWN
	case ESHUTDOWN:
		return LINUX_ESHUTDOWN;
#endif
#ifdef ETOOMANYREFS
	case ETOOMANYREFS:
		return LINUX_ETOOMANYREFS;
#endif
#ifdef ETIMEDOUT
	case ETIMEDOUT:
		return LINUX_ETIMEDOUT;
#endif
#ifdef ECONNREFUSED
	case ECONNREFUSED:
		return LINUX_ECONNREFUSED;
#endif
#ifdef EHOSTDOWN
	case EHOSTDOWN:
		return LINUX_EHOSTDOWN;
#endif
#ifdef EHOSTUNREACH
	case EHOSTUNREACH:
		return LINUX_EHOSTUNREACH;
#endif
#ifdef EALREADY
	case EALREADY:
		return LINUX_EALREADY;
#endif
#ifdef EINPROGRESS
	case EINPROGRESS:
		return LINUX_EINPROGRESS;
#endif
#ifdef ESTALE
	case ESTALE:
		return LINUX_ESTALE;
#endif
#ifdef EUCLEAN
	case EUCLEAN:
		return LINUX_EUCLEAN;
#endif
#ifdef ENOTNAM
	case ENOTNAM:
		return LINUX_ENOTNAM;
#endif
#ifdef ENAVAIL
	case ENAVAIL:
		return LINUX_ENAVAIL;
#endif
#ifdef EISNAM
	case EISNAM:
		return LINUX_EISNAM;
#endif
#ifdef EREMOTEIO
	case EREMOTEIO:
		return LINUX_EREMOTEIO;
#endif
#ifdef EDQUOT
	case EDQUOT:
		return LINUX_EDQUOT;
#endif
#ifdef ENOMEDIUM
	case ENOMEDIUM:
		return LINUX_ENOMEDIUM;
#endif
#ifdef EMEDIUMTYPE
	case EMEDIUMTYPE:
		return LINUX_EMEDIUMTYPE;
#endif
#ifdef ECANCELED
	case ECANCELED:
		return LINUX_ECANCELED;
#endif
#ifdef ENOKEY
	case ENOKEY:
		return LINUX_ENOKEY;
#endif
#ifdef EKEYEXPIRED
	case EKEYEXPIRED:
		return LINUX_EKEYEXPIRED;
#endif
#ifdef EKEYREVOKED
	case EKEYREVOKED:
		return LINUX_EKEYREVOKED;
#endif
#ifdef EKEYREJECTED
	case EKEYREJECTED:
		return LINUX_EKEYREJECTED;
#endif
#ifdef EOWNERDEAD
	case EOWNERDEAD:
		return LINUX_EOWNERDEAD;
#endif
#ifdef ENOTRECOVERABLE
	case ENOTRECOVERABLE:
		return LINUX_ENOTRECOVERABLE;
#endif
#ifdef ERFKILL
	case ERFKILL:
		return LINUX_ERFKILL;
#endif
#ifdef ERRNO_MAX
	case ERRNO_MAX:
		return LINUX_ERRNO_MAX;
#endif
#ifdef ERESTARTSYS
	case ERESTARTSYS:
		return LINUX_ERESTARTSYS;
#endif
#ifdef ERESTARTNOINTR
	case ERESTARTNOINTR:
		return LINUX_ERESTARTNOINTR;
#endif
#ifdef ERESTARTNOHAND
	case ERESTARTNOHAND:
		return LINUX_ERESTARTNOHAND;
#endif
	default:
		return LINUX_EIO;
	}
}

static const char *const names[] = {
	[LINUX_EPERM] = "EPERM",
	[LINUX_ENOENT] = "ENOENT",
	[LINUX_ESRCH] = "ESRCH",
	[LINUX_EINTR] = "EINTR",
	[LINUX_EIO] = "EIO",
	[LINUX_ENXIO] = "ENXIO",
	[LINUX_E2BIG] = "E2BIG",
	[LINUX_ENOEXEC] = "ENOEXEC",
	[LINUX_EBADF] = "EBADF",
	[LINUX_ECHILD] = "ECHILD",
	[LINUX_EAGAIN] = "EAGAIN",
	[LINUX_ENOMEM] = "ENOMEM",
	[LINUX_EACCES] = "EACCES",
	[LINUX_EFAULT] = "EFAULT",
	[LINUX_ENOTBLK] = "ENOTBLK",
	[LINUX_EBUSY] = "EBUSY",
	[LINUX_EEXIST] = "EEXIST",
	[LINUX_EXDEV] = "EXDEV",
	[LINUX_ENODEV] = "ENODEV",
	[LINUX_ENOTDIR] = "ENOTDIR",
	[LINUX_EISDIR] = "EISDIR",
	[LINUX_EINVAL] = "EINVAL",
	[LINUX_ENFILE] = "ENFILE",
	[LINUX_EMFILE] = "EMFILE",
	[LINUX_ENOTTY] = "ENOTTY",
	[LINUX_ETXTBSY] = "ETXTBSY",
	[LINUX_EFBIG] = "EFBIG",
	[LINUX_ENOSPC] = "ENOSPC",
	[LINUX_ESPIPE] = "ESPIPE",
	[LINUX_EROFS] = "EROFS",
	[LINUX_EMLINK] = "EMLINK",
	[LINUX_EPIPE] = "EPIPE",
	[LINUX_EDOM] = "EDOM",
	[LINUX_ERANGE] = "ERANGE",
	[LINUX_EDEADLK] = "EDEADLK",
	[LINUX_ENAMETOOLONG] = "ENAMETOOLONG",
	[LINUX_ENOLCK] = "ENOLCK",
	[LINUX_ENOSYS] = "ENOSYS",
	[LINUX_ENOTEMPTY] = "ENOTEMPTY",
	[LINUX_ELOOP] = "ELOOP",
	[LINUX_ENOMSG] = "ENOMSG",
	[LINUX_EIDRM] = "EIDRM",
	[LINUX_ECHRNG] = "ECHRNG",
	[LINUX_EL2NSYNC] = "EL2NSYNC",
	[LINUX_EL3HLT] = "EL3HLT",
	[LINUX_EL3RST] = "EL3RST",
	[LINUX_ELNRNG] = "ELNRNG",
	[LINUX_EUNATCH] = "EUNATCH",
	[LINUX_ENOCSI] = "ENOCSI",
	[LINUX_EL2HLT] = "EL2HLT",
	[LINUX_EBADE] = "EBADE",
	[LINUX_EBADR] = "EBADR",
	[LINUX_EXFULL] = "EXFULL",
	[LINUX_ENOANO] = "ENOANO",
	[LINUX_EBADRQC] = "EBADRQC",
	[LINUX_EBADSLT] = "EBADSLT",
	[LINUX_EBFONT] = "EBFONT",
	[LINUX_ENOSTR] = "ENOSTR",
	[LINUX_ENODATA] = "ENODATA",
	[LINUX_ETIME] = "ETIME",
	[LINUX_ENOSR] = "ENOSR",
	[LINUX_ENONET] = "ENONET",
	[LINUX_ENOPKG] = "ENOPKG",
	[LINUX_EREMOTE] = "EREMOTE",
	[LINUX_ENOLINK] = "ENOLINK",
	[LINUX_EADV] = "EADV",
	[LINUX_ESRMNT] = "ESRMNT",
	[LINUX_ECOMM] = "ECOMM",
	[LINUX_EPROTO] = "EPROTO",
	[LINUX_EMULTIHOP] = "EMULTIHOP",
	[LINUX_EDOTDOT] = "EDOTDOT",
	[LINUX_EBADMSG] = "EBADMSG",
	[LINUX_EOVERFLOW] = "EOVERFLOW",
	[LINUX_ENOTUNIQ] = "ENOTUNIQ",
	[LINUX_EBADFD] = "EBADFD",
	[LINUX_EREMCHG] = "EREMCHG",
	[LINUX_ELIBACC] = "ELIBACC",
	[LINUX_ELIBBAD] = "ELIBBAD",
	[LINUX_ELIBSCN] = "ELIBSCN",
	[LINUX_ELIBMAX] = "ELIBMAX",
	[LINUX_ELIBEXEC] = "ELIBEXEC",
	[LINUX_EILSEQ] = "EILSEQ",
	[LINUX_ERESTART] = "ERESTART",
	[LINUX_ESTRPIPE] = "ESTRPIPE",
	[LINUX_EUSERS] = "EUSERS",
	[LINUX_ENOTSOCK] = "ENOTSOCK",
	[LINUX_EDESTADDRREQ] = "EDESTADDRREQ",
	[LINUX_EMSGSIZE] = "EMSGSIZE",
	[LINUX_EPROTOTYPE] = "EPROTOTYPE",
	[LINUX_ENOPROTOOPT] = "ENOPROTOOPT",
	[LINUX_EPROTONOSUPPORT] = "EPROTONOSUPPORT",
	[LINUX_ESOCKTNOSUPPORT] = "ESOCKTNOSUPPORT",
	[LINUX_EOPNOTSUPP] = "EOPNOTSUPP",
	[LINUX_EPFNOSUPPORT] = "EPFNOSUPPORT",
	[LINUX_EAFNOSUPPORT] = "EAFNOSUPPORT",
	[LINUX_EADDRINUSE] = "EADDRINUSE",
	[LINUX_EADDRNOTAVAIL] = "EADDRNOTAVAIL",
	[LINUX_ENETDOWN] = "ENETDOWN",
	[LINUX_ENETUNREACH] = "ENETUNREACH",
	[LINUX_ENETRESET] = "ENETRESET",
	[LINUX_ECONNABORTED] = "ECONNABORTED",
	[LINUX_ECONNRESET] = "ECONNRESET",
	[LINUX_ENOBUFS] = "ENOBUFS",
	[LINUX_EISCONN] = "EISCONN",
	[LINUX_ENOTCONN] = "ENOTCONN",
	[LINUX_ESHUTDOWN] = "ESHUTDOWN",
	[LINUX_ETOOMANYREFS] = "ETOOMANYREFS",
	[LINUX_ETIMEDOUT] = "ETIMEDOUT",
	[LINUX_ECONNREFUSED] = "ECONNREFUSED",
	[LINUX_EHOSTDOWN] = "EHOSTDOWN",
	[LINUX_EHOSTUNREACH] = "EHOSTUNREACH",
	[LINUX_EALREADY] = "EALREADY",
	[LINUX_EINPROGRESS] = "EINPROGRESS",
	[LINUX_ESTALE] = "ESTALE",
	[LINUX_EUCLEAN] = "EUCLEAN",
	[LINUX_ENOTNAM] = "ENOTNAM",
	[LINUX_ENAVAIL] = "ENAVAIL",
	[LINUX_EISNAM] = "EISNAM",
	[LINUX_EREMOTEIO] = "EREMOTEIO",
	[LINUX_EDQUOT] = "EDQUOT",
	[LINUX_ENOMEDIUM] = "ENOMEDIUM",
	[LINUX_EMEDIUMTYPE] = "EMEDIUMTYPE",
	[LINUX_ECANCELED] = "ECANCELED",
	[LINUX_ENOKEY] = "ENOKEY",
	[LINUX_EKEYEXPIRED] = "EKEYEXPIRED",
	[LINUX_EKEYREVOKED] = "EKEYREVOKED",
	[LINUX_EKEYREJECTED] = "EKEYREJECTED",
	[LINUX_EOWNERDEAD] = "EOWNERDEAD",
	[LINUX_ENOTRECOVERABLE] = "ENOTRECOVERABLE",
	[LINUX_ERFKILL] = "ERFKILL",
	[LINUX_ERRNO_MAX] = "ERRNO_MAX",
	[LINUX_ERESTARTSYS] = "ERESTARTSYS",
	[LINUX_ERESTARTNOINTR] = "ERESTARTNOINTR",
	[LINUX_ERESTARTNOHAND] = "ERESTARTNOHAND",
};

const char *linux_errno_name(int e)
{
	if (e <= 0 || (unsigned)e >= sizeof(names) / sizeof(names[0]))
		return NULL;
	return names[e];
}
