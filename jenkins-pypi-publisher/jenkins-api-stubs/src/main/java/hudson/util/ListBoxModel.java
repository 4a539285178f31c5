package hudson.util;

import java.util.ArrayList;

public class ListBoxModel extends ArrayList<ListBoxModel.Option> {
    public static final class Option {
        public String name;

        public String value;

        public Option(String name, String value) {
            throw new UnsupportedOperationException("stub");
        }
    }

    public ListBoxModel() {
    }

    public void add(String displayName, String value) {
        throw new UnsupportedOperationException("stub");
    }
}
