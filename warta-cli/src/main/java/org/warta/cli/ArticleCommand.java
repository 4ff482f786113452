package org.warta.cli;

import java.time.LocalDate;
import java.util.List;
import org.warta.io.ArticleJson;
import org.warta.io.Rows;
import org.warta.model.Article;
import org.warta.model.Page;
import org.warta.pipeline.Pipeline;
import org.warta.read.InputException;
import picocli.CommandLine.Command;

@Command(name = "article", mixinStandardHelpOptions = true,
        description = "Extract article records (clean text, title, outlet, dateline, publication date).")
final class ArticleCommand extends BatchCommand {
    static final List<String> TABLE = List.of("published", "outlet", "language", "title", "id");

    ArticleCommand(Env env) {
        super(env);
    }

    @Override
    Output output(Output.Format format, String kbVersion) {
        return Output.of(format, env.out(), Rows.ARTICLE_COLUMNS, TABLE);
    }

    @Override
    int write(Pipeline pipeline, Page page, LocalDate asOf, Output out, String kbVersion) throws InputException {
        // the whole pipeline runs: the publication date (and inferred year) and the language come from stages
        Article a = pipeline.code(page, asOf).article();
        out.record(ArticleJson.node(a), Rows.article(a));
        return 0;
    }
}
