/* SPDX-License-Identifier: GPL-2.0 */
#ifndef FW443_VERSION_H
#define FW443_VERSION_H

/* The version of this tool; the module reports its own through "status". */
#define FW443_TOOL_VERSION "0.1.0"

#endif
