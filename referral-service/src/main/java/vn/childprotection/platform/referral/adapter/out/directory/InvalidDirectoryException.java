package vn.childprotection.platform.referral.adapter.out.directory;

import java.util.List;

/** An area list or agency directory that cannot be used: start-up fails naming the file and each problem. */
public final class InvalidDirectoryException extends RuntimeException {

    public InvalidDirectoryException(String source, List<String> problems) {
        super("directory file " + source + " is invalid: " + String.join("; ", problems));
    }
}
