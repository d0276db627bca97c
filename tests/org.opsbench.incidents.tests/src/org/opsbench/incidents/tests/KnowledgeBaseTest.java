package org.opsbench.incidents.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.apache.lucene.codecs.Codec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opsbench.incidents.Article;
import org.opsbench.incidents.ArticleHit;
import org.opsbench.incidents.KnowledgeBase;
import org.opsbench.incidents.internal.kb.ArticleIndex;

/** The knowledge base on the real Lucene (wrapped as a bundle): codec lookup in OSGi, ranking, suggestions, rebuild. */
class KnowledgeBaseTest {

    @Test
    void luceneFindsItsCodecsInsideOsgi() {
        assertTrue(Codec.getDefault().getName().startsWith("Lucene"), Codec.getDefault().getName());
        assertEquals(Codec.getDefault().getName(), Codec.forName(Codec.getDefault().getName()).getName());
    }

    @Test
    void titleMatchesRankAboveBodyMatches() throws Exception {
        KnowledgeBase kb = Desk.service(KnowledgeBase.class);
        String word = "zq" + Desk.RUN;
        Article body = kb.save(Desk.OPS, Article.draft("Printer queue stuck", "If " + word
                + " shows up in the spooler log, clear the queue.", List.of("printing")));
        Article title = kb.save(Desk.OPS, Article.draft("Fixing " + word + " errors",
                "Restart the service and check the **disk**.", List.of("service")));
        Article tag = kb.save(Desk.OPS, Article.draft("Unrelated", "Nothing here.", List.of(word)));
        List<ArticleHit> hits = kb.search(Desk.OPS, word, 10);
        assertEquals(List.of(title.reference(), tag.reference(), body.reference()),
                hits.stream().map(ArticleHit::reference).toList());
        assertTrue(hits.get(0).score() > hits.get(2).score());
        assertEquals("Restart the service and check the disk .", hits.get(0).snippet().replace("  ", " "));
        assertTrue(title.reference().matches("KB-\\d{6}"), title.reference());
    }

    @Test
    void suggestionsMatchAHalfTypedLastWord() throws Exception {
        KnowledgeBase kb = Desk.service(KnowledgeBase.class);
        String word = "vpnclient" + Desk.RUN;
        Article a = kb.save(Desk.OPS, Article.draft("Reset the " + word, "Steps.", List.of()));
        List<ArticleHit> hits = kb.suggest(Desk.OPS, "cannot reset " + word.substring(0, word.length() - 2), 5);
        assertEquals(a.reference(), hits.get(0).reference());
        // another ending than the word's own (the run's tag is random: "...xx" once made the word itself)
        String other = word.substring(0, word.length() - 2) + (word.endsWith("zz") ? "yy" : "zz");
        assertEquals(List.of(), kb.search(Desk.OPS, other, 5));
    }

    @Test
    void changedAndDeletedArticlesLeaveTheIndex() throws Exception {
        KnowledgeBase kb = Desk.service(KnowledgeBase.class);
        String first = "alpha" + Desk.RUN;
        String second = "beta" + Desk.RUN;
        Article a = kb.save(Desk.OPS, Article.draft("About " + first, "", List.of()));
        kb.save(Desk.OPS, new Article(a.reference(), "About " + second, "", List.of(), List.of(), "", null));
        assertEquals(List.of(), kb.search(Desk.OPS, first, 5));
        assertEquals(1, kb.search(Desk.OPS, second, 5).size());
        assertTrue(kb.delete(Desk.OPS, a.reference()));
        assertEquals(List.of(), kb.search(Desk.OPS, second, 5));
        assertFalse(kb.delete(Desk.OPS, a.reference()));
    }

    @Test
    void aMissingIndexIsRebuiltFromTheArticles(@TempDir Path folder) throws Exception {
        Path index = folder.resolve("kb-index");
        assertFalse(ArticleIndex.exists(index));
        List<Article> articles = List.of(new Article("KB-000001", "Disk full on web", "Clean /var/log", List.of(),
                List.of(), "", null),
                new Article("KB-000002", "Mail delay", "Check the queue", List.of(), List.of(),
                        "", null));
        try (ArticleIndex i = new ArticleIndex(index)) {
            assertEquals(0, i.size());
            i.rebuild(articles);
        }
        assertTrue(ArticleIndex.exists(index));
        try (ArticleIndex reopened = new ArticleIndex(index)) {
            assertEquals(2, reopened.size());
            assertEquals("KB-000002", reopened.search("queue", 5, false).get(0).reference());
        }
    }
}
