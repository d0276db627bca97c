package org.opsbench.incidents.internal.kb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.NIOFSDirectory;
import org.opsbench.incidents.Article;
import org.opsbench.incidents.ArticleHit;

/**
 * The Lucene index of the knowledge base, in a folder beside the database. The database is the truth: the index is
 * rebuilt from it when missing or out of step. BM25 ranking; titles weigh most, then tags, then bodies.
 */
public final class ArticleIndex implements AutoCloseable {

    private static final float TITLE_BOOST = 3f;
    private static final float TAG_BOOST = 2f;

    private final Analyzer analyzer = new StandardAnalyzer();
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    /** Opens (or creates) the index in {@code folder}. */
    public ArticleIndex(Path folder) throws IOException {
        Files.createDirectories(folder);
        directory = new NIOFSDirectory(folder);
        IndexWriterConfig config = new IndexWriterConfig(analyzer);
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        writer = new IndexWriter(directory, config);
        writer.commit();
        searchers = new SearcherManager(writer, null);
    }

    /** Articles in the index. */
    public int size() throws IOException {
        searchers.maybeRefreshBlocking();
        IndexSearcher s = searchers.acquire();
        try {
            return s.getIndexReader().numDocs();
        } finally {
            searchers.release(s);
        }
    }

    /** Replaces the whole index with {@code articles}. */
    public void rebuild(List<Article> articles) throws IOException {
        writer.deleteAll();
        for (Article a : articles) {
            writer.addDocument(document(a));
        }
        commit();
    }

    /** Adds or replaces one article. */
    public void put(Article a) throws IOException {
        writer.updateDocument(new Term("reference", a.reference()), document(a));
        commit();
    }

    /** Removes one article. */
    public void remove(String reference) throws IOException {
        writer.deleteDocuments(new Term("reference", reference));
        commit();
    }

    private void commit() throws IOException {
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    private static Document document(Article a) {
        Document d = new Document();
        d.add(new StringField("reference", a.reference(), Field.Store.YES));
        d.add(new TextField("title", a.title(), Field.Store.YES));
        d.add(new TextField("tags", String.join(" ", a.tags()), Field.Store.NO));
        d.add(new TextField("body", a.body(), Field.Store.NO));
        d.add(new StoredField("snippet", snippet(a.body())));
        return d;
    }

    /** The start of a Markdown body as plain text. */
    static String snippet(String body) {
        String plain = body.replaceAll("[#*`>_\\[\\]()|-]+", " ").replaceAll("\\s+", " ").strip();
        return plain.length() <= 160 ? plain : plain.substring(0, 157) + "...";
    }

    /** The analyzed terms of {@code text}. */
    List<String> terms(String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("body", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * Ranked hits for {@code text}: any of its terms in title, tags or body; with {@code prefixLast} the last term also
     * matches as a prefix (for suggestions while typing).
     */
    public List<ArticleHit> search(String text, int limit, boolean prefixLast) throws IOException {
        List<String> terms = terms(text);
        if (terms.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        for (int i = 0; i < terms.size(); i++) {
            String t = terms.get(i);
            boolean prefix = prefixLast && i == terms.size() - 1;
            q.add(new BoostQuery(query("title", t, prefix), TITLE_BOOST), BooleanClause.Occur.SHOULD);
            q.add(new BoostQuery(query("tags", t, prefix), TAG_BOOST), BooleanClause.Occur.SHOULD);
            q.add(query("body", t, prefix), BooleanClause.Occur.SHOULD);
        }
        IndexSearcher s = searchers.acquire();
        try {
            TopDocs top = s.search(q.build(), limit);
            List<ArticleHit> hits = new ArrayList<>();
            for (ScoreDoc sd : top.scoreDocs) {
                Document d = s.storedFields().document(sd.doc);
                hits.add(new ArticleHit(d.get("reference"), d.get("title"), sd.score, d.get("snippet")));
            }
            return hits;
        } finally {
            searchers.release(s);
        }
    }

    private static Query query(String field, String term, boolean prefix) {
        return prefix ? new PrefixQuery(new Term(field, term)) : new TermQuery(new Term(field, term));
    }

    /** Whether an index exists in {@code folder}. */
    public static boolean exists(Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Directory d = new NIOFSDirectory(folder)) {
            return DirectoryReader.indexExists(d);
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }
}
