/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel interfaces fw443 uses that differ between the kernels it is
 * built for (Debian 12's 6.1 and the 6.12 of bookworm-backports): the one
 * place for such differences. Each is told apart by the feature itself,
 * not by a version number, so that distribution backports work too.
 */
#ifndef _FW443_COMPAT_H
#define _FW443_COMPAT_H

#include <net/inet_sock.h>

/* IP_NODEFRAG became a bit in inet_sock.inet_flags in 6.6. */
static inline bool fw443_sk_nodefrag(const struct sock *sk)
{
#ifdef inet_test_bit
	return inet_test_bit(NODEFRAG, sk);
#else
	return inet_sk(sk)->nodefrag;
#endif
}

#endif /* _FW443_COMPAT_H */
