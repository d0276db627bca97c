package org.opsbench.assets;

/** The permissions the assets area checks. */
public final class AssetPermissions {

    /** See configuration items, relationships, history, impact, reports. */
    public static final String READ = "assets:read";
    /** Create, change, relate, delete items; import. */
    public static final String WRITE = "assets:write";
    /** Run discovery against targets. */
    public static final String DISCOVER = "assets:discover";

    private AssetPermissions() {
    }
}
