package cn.gxq.subsidy.topology;

import java.time.Instant;

/**
 * Which registry version an application revision meets in the as-of join, where it must be another
 * than the one the registry gives as of its submission now.
 *
 * <p>Live meets the registry as it stood when the revision was processed: a registry update dated
 * before a submission but published after its decision was not seen (README, "Late registry
 * updates"). Every decision records the version it met ({@code registryVersion} in its details, and
 * the arrival journal), and a what-if replay pins each revision to that version, so that a late
 * update is not counted as a change of policy.
 */
@FunctionalInterface
public interface RegistryPins {

  /** Nothing pinned: every revision meets the registry as of its submission (live). */
  RegistryPins NONE = (applicationId, revision) -> null;

  /** The version {@code revision} of {@code applicationId} must meet, or null for as of now. */
  Pin pin(String applicationId, int revision);

  /**
   * Called when the pinned version is no longer in the registry's store (beyond its history) and
   * the revision met the version as of its submission instead.
   */
  default void notFound(String applicationId, int revision) {}

  /**
   * A registry version by its {@code updatedAt} (every registry record's timestamp is its {@code
   * updatedAt}, so this is when the version took effect); null {@code updatedAt}: the enterprise
   * was not registered.
   */
  record Pin(Instant updatedAt) {

    public static final Pin NOT_REGISTERED = new Pin(null);

    public boolean registered() {
      return updatedAt != null;
    }
  }
}
