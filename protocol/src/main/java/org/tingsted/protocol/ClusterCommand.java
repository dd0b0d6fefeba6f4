package org.tingsted.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Affinity grouping: gathering proposals into named clusters. */
public sealed interface ClusterCommand extends TableCommand {

    /** Makes a cluster, optionally with proposals already in it. */
    record CreateCluster(String id, String table, String name, List<String> proposals) implements ClusterCommand {

        public CreateCluster {
            Require.id("id", id);
            Require.optionalId("table", table);
            Require.text("name", name, Limits.CLUSTER_NAME);
            proposals = Require.optionalIds("proposals", proposals);
        }
    }

    record RenameCluster(String id, String table, String cluster, String name) implements ClusterCommand {

        public RenameCluster {
            Require.id("id", id);
            Require.optionalId("table", table);
            Require.id("cluster", cluster);
            Require.text("name", name, Limits.CLUSTER_NAME);
        }
    }

    /**
     * Puts a proposal into a cluster, or takes it out of its cluster when {@code cluster} is
     * null. On the wire, {@code "cluster": null} and a missing {@code cluster} both mean
     * "take it out"; the codec always writes the field.
     */
    record MoveToCluster(String id, String table, String proposal,
                         @JsonInclude(JsonInclude.Include.ALWAYS) String cluster) implements ClusterCommand {

        public MoveToCluster {
            Require.id("id", id);
            Require.optionalId("table", table);
            Require.id("proposal", proposal);
            Require.optionalId("cluster", cluster);
        }
    }

    /** Moves every proposal of {@code from} into {@code into} and removes {@code from}. */
    record MergeClusters(String id, String table, String from, String into) implements ClusterCommand {

        public MergeClusters {
            Require.id("id", id);
            Require.optionalId("table", table);
            Require.id("from", from);
            Require.id("into", into);
            if (from.equals(into)) {
                throw new InvalidField(ErrorCode.INVALID, "into", "must differ from 'from'");
            }
        }
    }

    /** Removes a cluster; its proposals stay, outside any cluster. */
    record DissolveCluster(String id, String table, String cluster) implements ClusterCommand {

        public DissolveCluster {
            Require.id("id", id);
            Require.optionalId("table", table);
            Require.id("cluster", cluster);
        }
    }
}
