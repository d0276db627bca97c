package org.opsbench.incidents.ui.internal;

import java.util.ArrayList;
import java.util.List;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Document;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * Markdown (CommonMark, parsed by commonmark-java) as plain text plus style spans, for a StyledText: headings and
 * strong text bold, emphasis italic, code monospaced, links underlined, lists with bullets or numbers. No browser
 * needed.
 */
public final class MarkdownStyler {

    /** How a span looks. */
    public enum Style {
        /** A heading (level in {@link Span#level}). */
        HEADING,
        /** Bold. */
        STRONG,
        /** Italic. */
        EMPHASIS,
        /** Monospace. */
        CODE,
        /** Underlined link. */
        LINK
    }

    /**
     * A styled range of the text.
     *
     * @param start
     *            offset
     * @param length
     *            characters
     * @param style
     *            how it looks
     * @param level
     *            heading level, 0 otherwise
     */
    public record Span(int start, int length, Style style, int level) {
    }

    /**
     * The rendering.
     *
     * @param text
     *            plain text
     * @param spans
     *            styles over it
     */
    public record Rendered(String text, List<Span> spans) {
    }

    private static final Parser PARSER = Parser.builder().build();

    private MarkdownStyler() {
    }

    /** Renders {@code markdown}. */
    public static Rendered render(String markdown) {
        Node doc = PARSER.parse(markdown == null ? "" : markdown);
        StringBuilder out = new StringBuilder();
        List<Span> spans = new ArrayList<>();
        doc.accept(new AbstractVisitor() {
            private final List<int[]> ordered = new ArrayList<>();

            private void newline() {
                if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
                    out.append('\n');
                }
            }

            /** A block on its own line; top-level blocks with a blank line between them. */
            private void block(Node n, Runnable body) {
                boolean firstInItem = n.getParent() instanceof ListItem && n.getPrevious() == null;
                if (!firstInItem) {
                    newline();
                    if (n.getParent() instanceof Document && !out.isEmpty()) {
                        out.append('\n');
                    }
                }
                body.run();
            }

            private void styled(Node n, Style style, int level) {
                int start = out.length();
                visitChildren(n);
                spans.add(new Span(start, out.length() - start, style, level));
            }

            @Override
            public void visit(Heading heading) {
                block(heading, () -> styled(heading, Style.HEADING, heading.getLevel()));
            }

            @Override
            public void visit(Paragraph paragraph) {
                block(paragraph, () -> visitChildren(paragraph));
            }

            @Override
            public void visit(Text text) {
                out.append(text.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak b) {
                out.append(' ');
            }

            @Override
            public void visit(HardLineBreak b) {
                out.append('\n');
            }

            @Override
            public void visit(StrongEmphasis strong) {
                styled(strong, Style.STRONG, 0);
            }

            @Override
            public void visit(Emphasis emphasis) {
                styled(emphasis, Style.EMPHASIS, 0);
            }

            @Override
            public void visit(Code code) {
                int start = out.length();
                out.append(code.getLiteral());
                spans.add(new Span(start, code.getLiteral().length(), Style.CODE, 0));
            }

            @Override
            public void visit(Link link) {
                styled(link, Style.LINK, 0);
            }

            @Override
            public void visit(FencedCodeBlock code) {
                codeBlock(code, code.getLiteral());
            }

            @Override
            public void visit(IndentedCodeBlock code) {
                codeBlock(code, code.getLiteral());
            }

            private void codeBlock(Node n, String literal) {
                block(n, () -> {
                    int start = out.length();
                    out.append(literal.stripTrailing());
                    spans.add(new Span(start, out.length() - start, Style.CODE, 0));
                });
            }

            @Override
            public void visit(BlockQuote quote) {
                block(quote, () -> {
                    int start = out.length();
                    visitChildren(quote);
                    spans.add(new Span(start, out.length() - start, Style.EMPHASIS, 0));
                });
            }

            @Override
            public void visit(BulletList list) {
                block(list, () -> visitChildren(list));
            }

            @Override
            public void visit(OrderedList list) {
                ordered.add(new int[]{list.getMarkerStartNumber() == null ? 1 : list.getMarkerStartNumber()});
                block(list, () -> visitChildren(list));
                ordered.remove(ordered.size() - 1);
            }

            @Override
            public void visit(ListItem item) {
                newline();
                if (item.getParent() instanceof OrderedList && !ordered.isEmpty()) {
                    out.append("  ").append(ordered.get(ordered.size() - 1)[0]++).append(". ");
                } else {
                    out.append("  \u2022 ");
                }
                visitChildren(item);
            }
        });
        String all = out.toString();
        int lead = leading(out);
        String text = all.strip();
        List<Span> kept = new ArrayList<>();
        for (Span sp : spans) {
            if (sp.length() > 0 && sp.start() >= lead && sp.start() + sp.length() <= lead + text.length()) {
                kept.add(shift(sp, lead));
            }
        }
        return new Rendered(text, kept);
    }

    private static int leading(StringBuilder out) {
        int i = 0;
        while (i < out.length() && Character.isWhitespace(out.charAt(i))) {
            i++;
        }
        return i;
    }

    private static Span shift(Span s, int by) {
        return new Span(s.start() - by, s.length(), s.style(), s.level());
    }
}
