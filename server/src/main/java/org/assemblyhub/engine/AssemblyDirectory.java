package org.assemblyhub.engine;

import io.vertx.core.Future;

/**
 * Whether an assembly exists when no engine answers for it. On a single node an assembly without an engine does not
 * exist; in a cluster it may be between two owners, and its people must be told to retry, not that it is gone.
 */
public interface AssemblyDirectory {
    Future<Boolean> known(String assemblyId);

    /**
     * This node's name in the cluster ("" alone): the ids of its sockets start with it, so that the owner of an
     * assembly can let their people go when this node dies.
     */
    default String node() {
        return "";
    }

    AssemblyDirectory NONE = assemblyId -> Future.succeededFuture(false);
}
