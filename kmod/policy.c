// SPDX-License-Identifier: GPL-2.0
/*
 * Zones and the connection policy: which interface belongs to which zone,
 * and the ordered rules that decide, on a connection's first SYN, whether it
 * may open.
 *
 * The editing functions change a staged configuration (a transaction's,
 * under fw443_net.lock). The packet path reads a published configuration
 * under RCU: fw443_zone_of() and fw443_policy_decide() take no lock and run
 * only for packets that would open a flow.
 */
#include <linux/netdevice.h>
#include <linux/netlink.h>
#include <linux/string.h>
#include "fw443.h"

static const char fw443_zone_local[FW443_ZONE_NAME_MAX] = "local";
static const char fw443_zone_outside[FW443_ZONE_NAME_MAX] = "outside";
static const char fw443_zone_any[FW443_ZONE_NAME_MAX] = "any";

/* Zone names travel through ruleset files as single words. */
bool fw443_zone_name_valid(const char *name)
{
	const char *p;

	for (p = name; *p; p++)
		if (!isalnum(*p) && *p != '_' && *p != '-')
			return false;
	return p != name && p - name < FW443_ZONE_NAME_MAX;
}

static inline bool fw443_zone_eq(const char *a, const char *b)
{
	return !memcmp(a, b, FW443_ZONE_NAME_MAX);
}

/* The interface entry written as @ifname ("eth0", or "eth+"), or -ENOENT. */
static int fw443_iface_find(const struct fw443_config *cfg,
			    const struct fw443_iface *want)
{
	u32 i;

	for (i = 0; i < cfg->n_ifaces; i++) {
		const struct fw443_iface *e = &cfg->ifaces[i];

		if (e->wildcard == want->wildcard && e->len == want->len &&
		    !memcmp(e->name, want->name, e->len))
			return i;
	}
	return -ENOENT;
}

static int fw443_iface_parse(const char *ifname, struct fw443_iface *out,
			     struct netlink_ext_ack *extack)
{
	size_t len = strlen(ifname);

	memset(out, 0, sizeof(*out));
	if (len && ifname[len - 1] == '+') {
		out->wildcard = true;
		len--;
	}
	if (!len || len >= IFNAMSIZ || memchr(ifname, '+', len) ||
	    memchr(ifname, '/', len) || memchr(ifname, ' ', len)) {
		NL_SET_ERR_MSG_MOD(extack,
				   "not an interface name (or a prefix of one followed by '+')");
		return -EINVAL;
	}
	memcpy(out->name, ifname, len);
	out->len = len;
	return 0;
}

int fw443_zone_set(struct fw443_config *cfg, const char *ifname,
		   const char *zone, struct netlink_ext_ack *extack)
{
	struct fw443_iface e;
	int err = fw443_iface_parse(ifname, &e, extack), i;

	if (err)
		return err;
	if (!fw443_zone_name_valid(zone)) {
		NL_SET_ERR_MSG_MOD(extack,
				   "a zone name is 1 to 15 letters, digits, '_' and '-'");
		return -EINVAL;
	}
	strscpy_pad(e.zone, zone, sizeof(e.zone));
	if (fw443_zone_eq(e.zone, fw443_zone_local) ||
	    fw443_zone_eq(e.zone, fw443_zone_any)) {
		NL_SET_ERR_MSG_MOD(extack,
				   "\"local\" (the host) and \"any\" cannot be given to an interface");
		return -EINVAL;
	}
	i = fw443_iface_find(cfg, &e);
	if (i < 0) {
		if (cfg->n_ifaces == FW443_IFACES_MAX) {
			NL_SET_ERR_MSG_MOD(extack,
					   "too many interfaces with a zone (FW443_IFACES_MAX)");
			return -ENOSPC;
		}
		i = cfg->n_ifaces++;
	}
	cfg->ifaces[i] = e;
	return 0;
}

int fw443_zone_del(struct fw443_config *cfg, const char *ifname,
		   struct netlink_ext_ack *extack)
{
	struct fw443_iface e;
	int err = fw443_iface_parse(ifname, &e, extack), i;

	if (err)
		return err;
	i = fw443_iface_find(cfg, &e);
	if (i < 0) {
		NL_SET_ERR_MSG_MOD(extack, "the interface has no zone");
		return -ENOENT;
	}
	memmove(&cfg->ifaces[i], &cfg->ifaces[i + 1],
		(cfg->n_ifaces - i - 1) * sizeof(cfg->ifaces[0]));
	cfg->n_ifaces--;
	return 0;
}

int fw443_rule_insert(struct fw443_config *cfg, const struct fw443_rule *r,
		      u32 index, struct netlink_ext_ack *extack)
{
	u32 at = index ? index - 1 : cfg->n_rules;

	if (at > cfg->n_rules) {
		NL_SET_ERR_MSG_MOD(extack, "no rule at that index to insert before");
		return -ERANGE;
	}
	if (cfg->n_rules == FW443_RULES_MAX) {
		NL_SET_ERR_MSG_MOD(extack, "too many rules (FW443_RULES_MAX)");
		return -ENOSPC;
	}
	memmove(&cfg->rules[at + 1], &cfg->rules[at],
		(cfg->n_rules - at) * sizeof(cfg->rules[0]));
	cfg->rules[at] = *r;
	cfg->n_rules++;
	return 0;
}

int fw443_rule_delete(struct fw443_config *cfg, u32 index,
		      struct netlink_ext_ack *extack)
{
	if (!index || index > cfg->n_rules) {
		NL_SET_ERR_MSG_MOD(extack, "no rule at that index");
		return -ENOENT;
	}
	memmove(&cfg->rules[index - 1], &cfg->rules[index],
		(cfg->n_rules - index) * sizeof(cfg->rules[0]));
	cfg->n_rules--;
	return 0;
}

/* The host itself. */
const char *fw443_zone_host(void)
{
	return fw443_zone_local;
}

/* The zone of @dev: an exact name beats a wildcard, a longer one a shorter. */
const char *fw443_zone_of(const struct fw443_config *cfg,
			  const struct net_device *dev)
{
	const char *zone = fw443_zone_outside;
	int best = -1;
	u32 i;

	if (!dev)
		return zone;
	for (i = 0; i < cfg->n_ifaces; i++) {
		const struct fw443_iface *e = &cfg->ifaces[i];
		int score = e->wildcard ? e->len : IFNAMSIZ;

		if (score <= best || strncmp(dev->name, e->name, e->len) ||
		    (!e->wildcard && dev->name[e->len]))
			continue;
		best = score;
		zone = e->zone;
	}
	return zone;
}

static bool fw443_prefix_holds(const struct fw443_prefix *p, const u8 *addr)
{
	unsigned int bytes = p->len / 8, bits = p->len % 8;

	if (memcmp(p->addr, addr, bytes))
		return false;
	return !bits || !((p->addr[bytes] ^ addr[bytes]) & (0xff00 >> bits));
}

static bool fw443_rule_matches(const struct fw443_rule *r, const char *from,
			       const char *to, int family, const u8 *src,
			       const u8 *dst)
{
	if (!fw443_zone_eq(r->from, fw443_zone_any) &&
	    !fw443_zone_eq(r->from, from))
		return false;
	if (!fw443_zone_eq(r->to, fw443_zone_any) && !fw443_zone_eq(r->to, to))
		return false;
	if (r->family && r->family != family)
		return false;
	if ((r->match & FW443_RULE_SRC) && !fw443_prefix_holds(&r->src, src))
		return false;
	return !(r->match & FW443_RULE_DST) || fw443_prefix_holds(&r->dst, dst);
}

/*
 * The action for a new connection from @src in zone @from to @dst in zone
 * @to: the first rule that matches, else the policy.
 */
u8 fw443_policy_decide(const struct fw443_config *cfg, const char *from,
		       const char *to, enum fw443_ipver ipver, const u8 *src,
		       const u8 *dst)
{
	int family = ipver == FW443_IPV4 ? AF_INET : AF_INET6;
	u32 i;

	for (i = 0; i < cfg->n_rules; i++)
		if (fw443_rule_matches(&cfg->rules[i], from, to, family, src,
				       dst))
			return cfg->rules[i].action;
	return cfg->policy == FW443_POLICY_ACCEPT ? FW443_ACTION_ACCEPT :
						    FW443_ACTION_DROP;
}
